import type { FormRules } from 'element-plus'
import type { PriceItem, PriceItemPayload } from '@/api/charges'
import type { TableColumn } from '@/components/types'
import { i18n } from '@/locales'
import { fenToYuan, formatYuan, yuanToFen } from '@/utils/money'
import { maxLength, numberBetween, required } from '@/utils/rules'

/** The most a price may be: ¥100,000.00. */
export const MAX_PRICE_YUAN = 100_000

export const priceColumns: TableColumn<PriceItem>[] = [
  { prop: 'name', label: 'priceItem.name', minWidth: 150 },
  { prop: 'priceFen', label: 'priceItem.price', width: 120, formatter: (p) => formatYuan(p.priceFen) },
  { prop: 'unit', label: 'priceItem.unit', width: 80 },
  { prop: 'category', label: 'priceItem.category', width: 120 },
  { prop: 'active', label: 'priceItem.active', width: 90, formatter: (p) => i18n.global.t(p.active ? 'priceItem.on' : 'priceItem.off') },
  { prop: 'note', label: 'priceItem.note', minWidth: 160 },
]

/** The form: the price is typed in yuan and sent in fen. */
export interface PriceForm {
  projectId: number
  name: string
  unit: string
  priceYuan: number | null
  category: string
  active: boolean
  note: string
}

export const priceRules: FormRules<PriceForm> = {
  name: [required(), maxLength(50)],
  unit: [required(), maxLength(10)],
  priceYuan: [{ ...required('change'), type: 'number' }, numberBetween(0, MAX_PRICE_YUAN)],
  note: [maxLength(200)],
}

export function blankPrice(projectId: number): PriceForm {
  return { projectId, name: '', unit: '次', priceYuan: null, category: '', active: true, note: '' }
}

export function priceFormOf(item: PriceItem): PriceForm {
  const { projectId, name, unit, priceFen, category, active, note } = item
  return { projectId, name, unit, priceYuan: fenToYuan(priceFen), category, active, note }
}

export function pricePayload(form: PriceForm): PriceItemPayload {
  return {
    projectId: form.projectId,
    name: form.name.trim(),
    unit: form.unit.trim(),
    priceFen: yuanToFen(form.priceYuan ?? 0),
    category: form.category,
    active: form.active,
    note: form.note.trim(),
  }
}

/** The server names `priceFen`; the form's item is `priceYuan`. */
export function priceErrorsOf(details: Record<string, string>): Record<string, string> {
  const { priceFen, ...rest } = details
  return priceFen ? { ...rest, priceYuan: priceFen } : rest
}
