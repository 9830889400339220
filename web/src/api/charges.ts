import type { PayMethod } from '@/constants/charges'
import { cleanParams, http, resource } from './http'
import type { Page, PageQuery } from './types'
import type { WorkOrder } from './work-orders'

export * from '@/constants/charges'

// ---- 价格表: the price list of a project ------------------------------------------------------------

export interface PriceItem {
  id: number
  projectId: number
  name: string
  unit: string
  /** Integer fen. */
  priceFen: number
  /** A work-order category code, or "". */
  category: string
  active: boolean
  note: string
  createdAt: string
  updatedAt: string
}

export interface PriceItemPayload {
  projectId: number
  name: string
  unit: string
  priceFen: number
  category: string
  active: boolean
  note: string
}

export interface PriceItemQuery extends PageQuery {
  projectId?: number
  active?: boolean
  q?: string
}

export const priceItemApi = resource<PriceItem, PriceItemPayload, PriceItemQuery>('/price-items')

// ---- charges on an order ----------------------------------------------------------------------------

export interface PayBody {
  method: PayMethod
  amountFen: number
  receiptNo?: string
}

export interface UnpaidCharge {
  orderId: number
  code: string
  title: string
  location: string
  assigneeName: string | null
  completedAt: string
  totalFen: number
  dueAt: string
  overdue: boolean
  daysUnpaid: number
  explanation: string
}

export const chargeApi = {
  pay: (orderId: number, body: PayBody) => http.post<WorkOrder>(`/work-orders/${orderId}/pay`, body).then((r) => r.data),
  explain: (orderId: number, explanation: string) =>
    http.post<WorkOrder>(`/work-orders/${orderId}/charge-explanation`, { explanation }).then((r) => r.data),
  unpaid: (query: { projectId: number; overdue?: boolean } & PageQuery) =>
    http.get<Page<UnpaidCharge>>('/unpaid-charges', { params: cleanParams(query) }).then((r) => r.data),
}
