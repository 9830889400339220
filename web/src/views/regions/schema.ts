import type { FormRules } from 'element-plus'
import type { Region, RegionPayload } from '@/api/org'
import type { TableColumn } from '@/components/types'
import { formatDateTime } from '@/utils/format'
import { maxLength, required } from '@/utils/rules'

export const regionColumns: TableColumn<Region>[] = [
  { prop: 'name', label: 'region.name', minWidth: 160 },
  { prop: 'code', label: 'region.code', width: 140 },
  { prop: 'updatedAt', label: 'common.updatedAt', width: 170, formatter: (r) => formatDateTime(r.updatedAt) },
]

export const regionRules: FormRules<RegionPayload> = {
  name: [required(), maxLength(50)],
  code: [required(), maxLength(20)],
}

export const blankRegion = (): RegionPayload => ({ name: '', code: '' })
