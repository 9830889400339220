import type { FormRules } from 'element-plus'
import type { Customer } from '@/api/org'
import type {
  Channel,
  Priority,
  WorkOrder,
  WorkOrderKind,
  WorkOrderPayload,
  WorkOrderQuery,
  WorkOrderStatus,
} from '@/api/work-orders'
import type { TableColumn } from '@/components/types'
import { chosen, maxLength, phoneNumber, required } from '@/utils/rules'

// ---- the register (登记簿) -------------------------------------------------------------------------

export const workOrderColumns: TableColumn<WorkOrder>[] = [
  { prop: 'code', label: 'workOrder.code', width: 165 },
  { prop: 'kind', label: 'workOrder.kind', width: 150 },
  { prop: 'title', label: 'workOrder.title', minWidth: 110 },
  { prop: 'unitLabel', label: 'workOrder.place', minWidth: 120 },
  { prop: 'reporterName', label: 'workOrder.reporter', width: 90 },
  { prop: 'status', label: 'workOrder.status', width: 100 },
  { prop: 'assigneeName', label: 'workOrder.assignee', width: 90 },
  { prop: 'nextDueAt', label: 'workOrder.deadline', width: 220 },
]

export interface RegisterFilters {
  status?: WorkOrderStatus
  kind?: WorkOrderKind
  category?: string
  priority?: Priority
  channel?: Channel
  overdue: boolean
  open: boolean
  /** [from, to] as YYYY-MM-DD, or null. */
  dates: [string, string] | null
  q: string
}

export function blankFilters(): RegisterFilters {
  return { overdue: false, open: false, dates: null, q: '' }
}

/** Filters from the page's address, as a dashboard card links to the list behind it
 * (`?kind=complaint&from=2026-11-01&to=2026-11-30`, `?overdue=true`). */
export function filtersFromQuery(query: Record<string, unknown>): RegisterFilters {
  const text = (key: string) => (typeof query[key] === 'string' && query[key] ? (query[key] as string) : undefined)
  const f = blankFilters()
  if (text('status')) f.status = text('status') as WorkOrderStatus
  if (text('kind')) f.kind = text('kind') as WorkOrderKind
  if (text('category')) f.category = text('category')
  f.overdue = text('overdue') === 'true'
  f.open = text('open') === 'true'
  const from = text('from')
  const to = text('to')
  if (from && to) f.dates = [from, to]
  return f
}

/** The filters as the list's query; switches left off are not sent. */
export function registerQuery(filters: RegisterFilters): WorkOrderQuery {
  const { dates, overdue, open, q, ...choices } = filters
  return {
    ...choices,
    from: dates?.[0],
    to: dates?.[1],
    overdue: overdue || undefined,
    open: open || undefined,
    q: q.trim() || undefined,
  }
}

// ---- quick entry (快速登记) ------------------------------------------------------------------------

/** A unit of the project, or a common area (公共区域) named in words. */
export type Place = 'unit' | 'area'

export interface QuickEntryForm {
  projectId: number
  kind: WorkOrderKind
  category: string
  priority: Priority
  channel: Channel
  place: Place
  unitId: number | null
  /** The chosen unit's label, for the unit select. */
  unitLabel: string
  location: string
  customerId: number | null
  reporterName: string
  reporterPhone: string
  title: string
  description: string
  reportedAt: Date
}

export function blankQuickEntry(projectId: number, now = new Date()): QuickEntryForm {
  return {
    projectId,
    kind: 'repair',
    category: '',
    priority: 'normal',
    channel: 'phone',
    place: 'unit',
    unitId: null,
    unitLabel: '',
    location: '',
    customerId: null,
    reporterName: '',
    reporterPhone: '',
    title: '',
    description: '',
    reportedAt: now,
  }
}

/** Picking a customer fills the unit and the reporter; a masked phone is left for the clerk to type. */
export function withCustomer(form: QuickEntryForm, customer: Customer): QuickEntryForm {
  return {
    ...form,
    place: 'unit',
    unitId: customer.unitId,
    unitLabel: customer.unitLabel,
    customerId: customer.id,
    reporterName: customer.name,
    reporterPhone: customer.contactMasked ? '' : customer.phone,
  }
}

export function quickEntryRules(form: QuickEntryForm): FormRules<QuickEntryForm> {
  return {
    kind: [chosen()],
    category: [chosen()],
    channel: [chosen()],
    unitId: form.place === 'unit' ? [chosen()] : [],
    location: form.place === 'area' ? [required(), maxLength(100)] : [],
    reporterName: [maxLength(50)],
    reporterPhone: [phoneNumber()],
    title: [required(), maxLength(100)],
    description: [maxLength(2000)],
    reportedAt: [chosen()],
  }
}

/**
 * What registering sends: the unit or the location, and only what was filled in. A report time
 * left at its default (`openedAt`, when the form opened) is left to the server, which takes "now" by
 * its own clock: the browser's may run a little ahead, and the server refuses a time in the future.
 */
export function quickEntryPayload(form: QuickEntryForm, openedAt?: Date): WorkOrderPayload {
  const payload: WorkOrderPayload = {
    projectId: form.projectId,
    kind: form.kind,
    category: form.category,
    priority: form.priority,
    channel: form.channel,
    title: form.title.trim(),
  }
  if (form.reportedAt.getTime() !== openedAt?.getTime()) payload.reportedAt = form.reportedAt.toISOString()
  if (form.place === 'unit' && form.unitId) payload.unitId = form.unitId
  if (form.place === 'area') payload.location = form.location.trim()
  if (form.customerId && form.place === 'unit') payload.customerId = form.customerId
  const name = form.reporterName.trim()
  const phone = form.reporterPhone.trim()
  const description = form.description.trim()
  if (name) payload.reporterName = name
  if (phone) payload.reporterPhone = phone
  if (description) payload.description = description
  return payload
}
