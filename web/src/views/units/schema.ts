import type { FormRules } from 'element-plus'
import type { BuildingPayload, ProjectTree, Unit, UnitPayload, ZonePayload } from '@/api/org'
import type { TableColumn } from '@/components/types'
import { formatArea } from '@/utils/format'
import { chosen, maxLength, numberBetween, required } from '@/utils/rules'

/** A node of the zone → building tree; buildings outside any zone sit at the top level. */
export interface TreeNode {
  key: string
  kind: 'zone' | 'building'
  id: number
  name: string
  zoneId: number | null
  /** Buildings only. */
  unitCount?: number
  children?: TreeNode[]
}

/** A building as a choice of the unit form: "玉兰园 / 1栋". */
export interface BuildingOption {
  id: number
  label: string
}

export function toTreeNodes(tree: ProjectTree): TreeNode[] {
  const building = (zoneId: number | null) => (b: { id: number; name: string; unitCount: number }): TreeNode => ({
    key: `building-${b.id}`,
    kind: 'building',
    id: b.id,
    name: b.name,
    zoneId,
    unitCount: b.unitCount,
  })
  return [
    ...tree.zones.map<TreeNode>((zone) => ({
      key: `zone-${zone.id}`,
      kind: 'zone',
      id: zone.id,
      name: zone.name,
      zoneId: zone.id,
      children: zone.buildings.map(building(zone.id)),
    })),
    ...tree.buildingsWithoutZone.map(building(null)),
  ]
}

export function buildingOptions(tree: ProjectTree): BuildingOption[] {
  return [
    ...tree.zones.flatMap((zone) => zone.buildings.map((b) => ({ id: b.id, label: `${zone.name} / ${b.name}` }))),
    ...tree.buildingsWithoutZone.map((b) => ({ id: b.id, label: b.name })),
  ]
}

export const unitColumns: TableColumn<Unit>[] = [
  { prop: 'name', label: 'unit.name', minWidth: 110 },
  { prop: 'label', label: 'unit.label', minWidth: 200 },
  { prop: 'floor', label: 'unit.floor', width: 80 },
  { prop: 'areaSqm', label: 'unit.areaSqm', width: 120, formatter: (u) => formatArea(u.areaSqm) },
  { prop: 'vacant', label: 'unit.vacant', width: 100 },
]

/** Forms keep a building or zone unset until one is chosen. */
export type UnitForm = Omit<UnitPayload, 'buildingId'> & { buildingId: number | null }
export type ZoneForm = ZonePayload
export type BuildingForm = BuildingPayload

export const unitRules: FormRules<UnitForm> = {
  buildingId: [chosen()],
  name: [required(), maxLength(30)],
  floor: [required('change'), numberBetween(-5, 200)],
  areaSqm: [numberBetween(0, 100_000)],
}

export const zoneRules: FormRules<ZoneForm> = {
  name: [required(), maxLength(50)],
}

export const buildingRules: FormRules<BuildingForm> = {
  name: [required(), maxLength(50)],
  floors: [required('change'), numberBetween(1, 200)],
}
