import type { PriceItem } from '@/api/charges'
import { MAX_COMPLETION_ROWS } from '@/constants/charges'
import { isQuantity, lineFen } from '@/utils/money'

// 完工: what was used and what is charged, on the desktop dialog and the technician's phone.

export interface MaterialRow {
  name: string
  quantity: number | null
  unit: string
}

export interface ChargeRow {
  priceItemId: number | null
  quantity: number | null
}

export interface CompletionExtras {
  materials: MaterialRow[]
  charges: ChargeRow[]
  /** Picked on the device; uploaded with the stage `complete` once the order is completed. */
  photos: File[]
}

export function blankExtras(): CompletionExtras {
  return { materials: [], charges: [], photos: [] }
}

export const blankMaterial = (): MaterialRow => ({ name: '', quantity: 1, unit: '个' })
export const blankCharge = (): ChargeRow => ({ priceItemId: null, quantity: 1 })

/** What a charge row costs now, from the price list; 0 until an item and a valid quantity are chosen. */
export function chargeRowFen(row: ChargeRow, prices: readonly PriceItem[]): number {
  const item = prices.find((p) => p.id === row.priceItemId)
  return item && isQuantity(row.quantity) ? lineFen(item.priceFen, row.quantity) : 0
}

/** The live total of the charge rows. */
export function chargesTotalFen(rows: readonly ChargeRow[], prices: readonly PriceItem[]): number {
  return rows.reduce((sum, row) => sum + chargeRowFen(row, prices), 0)
}

/**
 * The problems of the rows, keyed as the server would (`materials[0].name`, `charges[1].quantity`);
 * empty when they can be sent. Blank material rows are dropped, not refused.
 */
export function extrasProblems(extras: CompletionExtras): Record<string, string> {
  const problems: Record<string, string> = {}
  const materials = extras.materials.filter((m) => m.name.trim() !== '')
  if (materials.length > MAX_COMPLETION_ROWS) problems.materials = 'completion.tooManyRows'
  if (extras.charges.length > MAX_COMPLETION_ROWS) problems.charges = 'completion.tooManyRows'
  extras.materials.forEach((m, i) => {
    if (m.name.trim() === '') return
    if (m.name.trim().length > 50) problems[`materials[${i}].name`] = 'completion.nameTooLong'
    if (!isQuantity(m.quantity)) problems[`materials[${i}].quantity`] = 'completion.badQuantity'
    if (m.unit.trim() === '') problems[`materials[${i}].unit`] = 'completion.unitRequired'
  })
  extras.charges.forEach((c, i) => {
    if (c.priceItemId === null) problems[`charges[${i}].priceItemId`] = 'completion.chooseItem'
    if (!isQuantity(c.quantity)) problems[`charges[${i}].quantity`] = 'completion.badQuantity'
  })
  return problems
}

/** The completion's `materials` and `charges`, only those there are; trimmed. */
export function extrasPayload(extras: CompletionExtras): {
  materials?: { name: string; quantity: number; unit: string }[]
  charges?: { priceItemId: number; quantity: number }[]
} {
  const body: ReturnType<typeof extrasPayload> = {}
  const materials = extras.materials
    .filter((m) => m.name.trim() !== '' && isQuantity(m.quantity))
    .map((m) => ({ name: m.name.trim(), quantity: m.quantity as number, unit: m.unit.trim() }))
  const charges = extras.charges
    .filter((c) => c.priceItemId !== null && isQuantity(c.quantity))
    .map((c) => ({ priceItemId: c.priceItemId as number, quantity: c.quantity as number }))
  if (materials.length) body.materials = materials
  if (charges.length) body.charges = charges
  return body
}
