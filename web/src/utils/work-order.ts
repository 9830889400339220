import type { TimelineEntry, WorkOrder } from '@/api/work-orders'
import { formatDateTime } from './format'
import { formatYuan } from './money'

// How an order reads, on the desktop pages and on the phone.

/** Where the request is: the unit's label, else the common area. */
export const placeOf = (order: Pick<WorkOrder, 'unitLabel' | 'location'>) => order.unitLabel || order.location

/** Who is dealing with it: the technician, else the team, else the department. */
export const assigneeOf = (order: Pick<WorkOrder, 'assigneeName' | 'teamName' | 'department'>) =>
  order.assigneeName || order.teamName || order.department || ''

type Translate = (key: string, values?: Record<string, unknown>) => string

/** Names the ids a timeline entry carries: technicians and teams of the project. */
export interface NameLookup {
  staff: (id: number) => string | undefined
  team: (id: number) => string | undefined
}

const NO_NAMES: NameLookup = { staff: () => undefined, team: () => undefined }

/**
 * Names from the order itself (its current technician and team), then from `more` (the project's
 * staff, for whoever may read it): owners and technicians see the names the order carries.
 */
export function orderNames(
  order: Pick<WorkOrder, 'assigneeStaffId' | 'assigneeName' | 'assigneeTeamId' | 'teamName'>,
  more: NameLookup = NO_NAMES,
): NameLookup {
  return {
    staff: (id) => more.staff(id) ?? (id === order.assigneeStaffId ? (order.assigneeName ?? undefined) : undefined),
    team: (id) => more.team(id) ?? (id === order.assigneeTeamId ? (order.teamName ?? undefined) : undefined),
  }
}

/** What a step recorded, as lines to show under it: "处理人：孙志强", "满意度：满意", ... */
export function timelineDetails(entry: TimelineEntry, names: NameLookup, t: Translate): string[] {
  const d = entry.data ?? {}
  const lines: string[] = []
  const line = (label: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') lines.push(t('workOrder.detail.line', { label: t(label), value }))
  }
  const id = (value: unknown) => (typeof value === 'number' ? value : undefined)
  const staffId = id(d.assigneeStaffId)
  const teamId = id(d.assigneeTeamId)
  // An id nobody can name is left out rather than shown as a number.
  if (staffId) line('workOrder.assignee', names.staff(staffId))
  if (teamId) line('workOrder.team', names.team(teamId))
  line('workOrder.department', d.department)
  line('workOrder.responsibleDepartment', d.responsibleDepartment)
  line('workOrder.responsiblePerson', d.responsiblePerson)
  if (typeof d.appointmentAt === 'string') line('workOrder.appointmentAt', formatDateTime(d.appointmentAt))
  line('workOrder.result', d.result)
  if (typeof d.reason === 'string') {
    if (entry.action === 'wait') line('workOrder.form.waitReason', t(`workOrder.waitReasons.${d.reason}`))
    else line('workOrder.form.reason', d.reason)
  }
  if (entry.action === 'pay') {
    if (typeof d.amountFen === 'number') line('charge.total', formatYuan(d.amountFen))
    if (typeof d.method === 'string') line('charge.method', t(`charge.methods.${d.method}`))
    line('charge.receiptNo', d.receiptNo)
    return lines
  }
  if (typeof d.method === 'string') line('workOrder.form.method', t(`workOrder.visitMethods.${d.method}`))
  if (typeof d.satisfaction === 'string') line('workOrder.satisfaction', t(`workOrder.satisfactions.${d.satisfaction}`))
  if (typeof d.valid === 'boolean') line('workOrder.validComplaint', t(d.valid ? 'workOrder.yes' : 'workOrder.no'))
  line('workOrder.rootCause', d.rootCause)
  return lines
}

/** "已派单 → 已接单", or "" when the step kept the status. */
export function statusChange(entry: TimelineEntry, t: Translate): string {
  if (!entry.toStatus || entry.fromStatus === entry.toStatus) return ''
  const to = t(`workOrder.statuses.${entry.toStatus}`)
  return entry.fromStatus ? `${t(`workOrder.statuses.${entry.fromStatus}`)} → ${to}` : to
}
