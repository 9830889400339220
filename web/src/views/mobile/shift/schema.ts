import type { ShiftDraft, ShiftSummaryBody } from '@/api/shifts'
import type { WorkOrderStatus } from '@/constants/work-orders'

/** 交班小结: for each unfinished order, why it is not done and what happens next. */
export interface ShiftItemForm {
  orderId: number
  code: string
  title: string
  status: WorkOrderStatus
  nextDueAt: string | null
  reason: string
  plan: string
}

export interface ShiftForm {
  projectId: number
  day: string
  note: string
  items: ShiftItemForm[]
}

export const MAX_SHIFT_TEXT = 500

export function shiftFormOf(draft: ShiftDraft): ShiftForm {
  return { projectId: draft.projectId, day: draft.day, note: '', items: draft.items.map((item) => ({ ...item })) }
}

/** The orders still without a reason or a plan: their codes. */
export function unexplained(form: ShiftForm): string[] {
  return form.items.filter((i) => !i.reason.trim() || !i.plan.trim()).map((i) => i.code)
}

export function shiftPayload(form: ShiftForm): ShiftSummaryBody {
  return {
    projectId: form.projectId,
    day: form.day,
    note: form.note.trim(),
    items: form.items.map((i) => ({ orderId: i.orderId, reason: i.reason.trim(), plan: i.plan.trim() })),
  }
}
