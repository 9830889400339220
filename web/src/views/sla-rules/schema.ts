import type { SlaRule, SlaUnit } from '@/api/work-orders'
import type { TableColumn } from '@/components/types'

export const slaRuleColumns: TableColumn<SlaRule>[] = [
  { prop: 'clock', label: 'sla.clock', width: 140 },
  { prop: 'kind', label: 'workOrder.kind', width: 100 },
  { prop: 'category', label: 'workOrder.category', minWidth: 110 },
  { prop: 'priority', label: 'workOrder.priority', width: 100 },
  { prop: 'channel', label: 'workOrder.channel', width: 100 },
  { prop: 'amount', label: 'sla.limit', minWidth: 250 },
  { prop: 'updatedAt', label: 'common.updatedAt', width: 170 },
]

/** A rule's time limit being edited on its row. */
export interface SlaDraft {
  amount: number
  unit: SlaUnit
}

export const draftOf = (rule: Pick<SlaRule, 'amount' | 'unit'>): SlaDraft => ({ amount: rule.amount, unit: rule.unit })

/** A draft worth saving: a whole number of 0 or more that differs from the rule. */
export function draftChanged(rule: Pick<SlaRule, 'amount' | 'unit'>, draft: SlaDraft | undefined): boolean {
  if (!draft || !Number.isInteger(draft.amount) || draft.amount < 0) return false
  return draft.amount !== rule.amount || draft.unit !== rule.unit
}

/** The seeded rules carry the epoch as their time stamps: they were never edited. */
export const wasEdited = (rule: Pick<SlaRule, 'createdAt' | 'updatedAt'>) =>
  Date.parse(rule.updatedAt) > Date.parse('2000-01-01T00:00:00Z')
