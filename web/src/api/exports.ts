import { http } from './http'

// ---- exports of the main lists as jobs (docs/exports.md) -----------------------------------------------

export type ExportList = 'work_orders' | 'rectifications' | 'customers' | 'inspections' | 'patrol_checks' | 'patrol_alarms' | 'spot_checks'
export type ExportFormat = 'xlsx' | 'csv'

export interface ExportJob {
  id: number
  list: ExportList
  format: ExportFormat
  status: 'queued' | 'running' | 'done' | 'failed'
  done: number
  total: number
  percent: number
  fileName: string
  error: string | null
  createdAt: string
  finishedAt: string | null
}

export const exportApi = {
  start: (list: ExportList, filters: Record<string, unknown>, format: ExportFormat) =>
    http.post<ExportJob>('/exports', { list, filters, format }).then((r) => r.data),
  status: (id: number) => http.get<ExportJob>(`/exports/${id}`).then((r) => r.data),
  /** The session cookie goes with a plain link, so the browser downloads the file itself. */
  fileUrl: (id: number) => `/api/v1/exports/${id}/file`,
}
