import type { WorkOrderStatus } from '@/constants/work-orders'
import { cleanParams, http } from './http'

// ---- 交班小结: a technician's end-of-shift summary (W8) ------------------------------------------------

export interface ShiftDraftItem {
  orderId: number
  code: string
  title: string
  status: WorkOrderStatus
  nextDueAt: string | null
  reason: string
  plan: string
}

export interface ShiftDraft {
  projectId: number
  /** YYYY-MM-DD */
  day: string
  items: ShiftDraftItem[]
}

export interface ShiftSummaryBody {
  projectId: number
  day?: string
  note: string
  items: { orderId: number; reason: string; plan: string }[]
}

export interface ShiftSummary {
  id: number
  projectId: number
  staffId: number
  staffName: string
  day: string
  submittedAt: string
  note: string
  items: { orderId: number; code: string; title: string; status: WorkOrderStatus; reason: string; plan: string }[]
}

export interface ShiftMissing {
  staffId: number
  name: string
  openOrders: number
}

export interface ShiftSummaryList {
  items: ShiftSummary[]
  total: number
  missing: ShiftMissing[]
}

export const shiftApi = {
  draft: (projectId: number) =>
    http.get<ShiftDraft>('/shift-summaries/draft', { params: { projectId } }).then((r) => r.data),
  /** The form shows the missing orders itself. */
  submit: (body: ShiftSummaryBody) =>
    http.post<ShiftSummary>('/shift-summaries', body, { silent: true }).then((r) => r.data),
  list: (query: { projectId: number; day?: string; staffId?: number }) =>
    http.get<ShiftSummaryList>('/shift-summaries', { params: cleanParams(query) }).then((r) => r.data),
}

// ---- 工作量: orders per technician per day ---------------------------------------------------------

export interface WorkloadRow {
  staffId: number
  name: string
  teamName: string | null
  openNow: number
  totals: { assigned: number; completed: number; visited: number; satisfied: number }
  days: { day: string; assigned: number; completed: number }[]
}

export const workloadApi = {
  get: (query: { projectId: number; from: string; to: string }) =>
    http.get<{ items: WorkloadRow[] }>('/work-orders/workload', { params: query }).then((r) => r.data),
}
