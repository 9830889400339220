import type {
  Channel,
  ClockName,
  ClockState,
  OrderAction,
  Priority,
  Satisfaction,
  SlaUnit,
  StepAction,
  WorkOrderKind,
  WorkOrderStatus,
} from '@/constants/work-orders'
import type { ChargeStatus, PayMethod } from '@/constants/charges'
import { cleanParams, http } from './http'
import type { Photo } from './photos'
import type { Page, PageQuery } from './types'

// The dictionaries (kinds, statuses, channels, ...) live in constants/work-orders.ts, which tests
// can import without the HTTP client; they are re-exported here with the API's types.
export * from '@/constants/work-orders'

export interface Category {
  code: string
  name: string
  nameEn: string
}

// ---- orders -------------------------------------------------------------------------------------

export interface WorkOrderClock {
  name: ClockName
  dueAt: string
  doneAt: string | null
  state: ClockState
  /** When breached. */
  lateBySeconds?: number
  rule?: { amount: number; unit: SlaUnit }
}

export interface TimelineEntry {
  at: string
  actorName: string
  action: string
  fromStatus: string
  toStatus: string
  note: string
  data: Record<string, unknown>
}

export interface Material {
  name: string
  quantity: number
  unit: string
}

export interface ChargeLine {
  priceItemId: number
  name: string
  unit: string
  unitPriceFen: number
  quantity: number
  amountFen: number
}

export interface Charge {
  totalFen: number
  status: ChargeStatus
  dueAt: string | null
  overdue: boolean
  paidAt: string | null
  method: PayMethod | null
  receiptNo: string | null
  explanation: string | null
  explainedAt: string | null
}

export interface WorkOrder {
  id: number
  projectId: number
  projectCode: string
  code: string
  kind: WorkOrderKind
  category: string
  priority: Priority
  channel: Channel
  status: WorkOrderStatus
  unitId: number | null
  unitLabel: string
  buildingId: number | null
  zoneId: number | null
  location: string
  customerId: number | null
  customerName: string | null
  reporterName: string
  /** Masked without customer.view_contact. */
  reporterPhone: string
  title: string
  description: string
  assigneeStaffId: number | null
  assigneeName: string | null
  assigneeTeamId: number | null
  teamName: string | null
  department: string
  responsibleDepartment: string
  responsiblePerson: string
  rootCause: string
  validComplaint: boolean | null
  result: string
  satisfaction: Satisfaction | null
  reworkOfId: number | null
  reportedAt: string
  completedAt: string | null
  closedAt: string | null
  nextDueAt: string | null
  overdue: boolean
  clocks: WorkOrderClock[]
  /** What the technician used (W7); absent from servers before it. */
  materials?: Material[]
  /** Priced from the project's price list at completion. */
  charges?: ChargeLine[]
  /** null when nothing is charged. */
  charge?: Charge | null
  photos?: Photo[]
  /** The steps the signed-in user may take now. */
  actions: OrderAction[]
  createdAt: string
  updatedAt: string
}

/** GET /work-orders/{id} adds the timeline and the rework orders. */
export interface WorkOrderDetail extends WorkOrder {
  timeline: TimelineEntry[]
  reworks: WorkOrder[]
}

export interface WorkOrderPayload {
  projectId: number
  kind: WorkOrderKind
  category: string
  priority: Priority
  channel: Channel
  unitId?: number
  location?: string
  customerId?: number
  reporterName?: string
  reporterPhone?: string
  title: string
  description?: string
  reportedAt?: string
}

export interface WorkOrderQuery extends PageQuery {
  projectId?: number
  status?: WorkOrderStatus
  kind?: WorkOrderKind
  category?: string
  priority?: Priority
  channel?: Channel
  zoneId?: number
  buildingId?: number
  unitId?: number
  assigneeStaffId?: number
  customerId?: number
  reworkOfId?: number
  /** Reported on or after this day, YYYY-MM-DD. */
  from?: string
  to?: string
  open?: boolean
  overdue?: boolean
  /** Code, title or reporter. */
  q?: string
}

/** The body of a step; every step takes an optional note. */
export type StepBody = Record<string, string | number | boolean | object[]>

export const workOrderApi = {
  list: (query: WorkOrderQuery = {}) =>
    http.get<Page<WorkOrder>>('/work-orders', { params: cleanParams(query) }).then((r) => r.data),
  get: (id: number) => http.get<WorkOrderDetail>(`/work-orders/${id}`).then((r) => r.data),
  create: (body: WorkOrderPayload) => http.post<WorkOrder>('/work-orders', body).then((r) => r.data),
  /** The form shows field errors itself; other refusals are toasted by the caller's form. */
  step: (id: number, action: StepAction, body: StepBody = {}) =>
    http.post<WorkOrder>(`/work-orders/${id}/${action}`, body).then((r) => r.data),
  rework: (id: number, reason: string) =>
    http.post<WorkOrder>(`/work-orders/${id}/rework`, { reason }).then((r) => r.data),
  rate: (id: number, body: { satisfaction: Satisfaction; comment?: string }) =>
    http.post<WorkOrder>(`/work-orders/${id}/rate`, body).then((r) => r.data),
}

let categoriesOnce: Promise<Category[]> | null = null

/** The company's categories seldom change: fetched once per visit. */
export function listCategories(): Promise<Category[]> {
  categoriesOnce ??= http
    .get<Page<Category>>('/work-order-categories')
    .then((r) => r.data.items)
    .catch((error: unknown) => {
      categoriesOnce = null
      throw error
    })
  return categoriesOnce
}

// ---- service-level rules (时限规则) ----------------------------------------------------------------

export interface SlaRule {
  id: number
  clock: ClockName
  /** "" matches any. */
  kind: string
  category: string
  priority: string
  channel: string
  /** 0 switches the clock off for the orders the rule matches. */
  amount: number
  unit: SlaUnit
  createdAt: string
  updatedAt: string
}

export interface SlaRuleQuery extends PageQuery {
  clock?: ClockName
}

export const slaRuleApi = {
  list: (query: SlaRuleQuery = {}) =>
    http.get<Page<SlaRule>>('/sla-rules', { params: cleanParams(query) }).then((r) => r.data),
  update: (id: number, body: { amount: number; unit: SlaUnit }) =>
    http.patch<SlaRule>(`/sla-rules/${id}`, body).then((r) => r.data),
}
