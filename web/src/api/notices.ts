import { cleanParams, http } from './http'
import type { Page } from './types'

// ---- 公示栏: the notice board of a project (DOMAIN S3) -------------------------------------------------

export const NOTICE_KINDS = ['complaint_outcome', 'works', 'service_standard', 'fees', 'service_hours', 'other'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
export type NoticeStatus = 'draft' | 'published' | 'withdrawn'

export interface Notice {
  id: number
  projectId: number
  projectName: string
  kind: NoticeKind
  title: string
  body: string
  validFrom: string | null
  validTo: string | null
  pinned: boolean
  status: NoticeStatus
  onBoard: boolean
  publishedAt: string | null
  publishedBy: string | null
  updatedAt: string
}

/** A notice as owners see it on the board. */
export type BoardNotice = Omit<Notice, 'status' | 'onBoard' | 'publishedBy'>

export interface NoticeBody {
  projectId?: number
  kind: NoticeKind
  title: string
  body: string
  validFrom: string | null
  validTo: string | null
  pinned: boolean
  publish?: boolean
}

export const noticeApi = {
  list: (query: { projectId?: number; status?: NoticeStatus; kind?: NoticeKind; q?: string; page?: number; pageSize?: number } = {}) =>
    http.get<Page<Notice>>('/notices', { params: cleanParams(query) }).then((r) => r.data),
  /** The forms show field errors themselves. */
  create: (body: NoticeBody) => http.post<Notice>('/notices', body, { silent: true }).then((r) => r.data),
  update: (id: number, body: Partial<NoticeBody>) => http.patch<Notice>(`/notices/${id}`, body, { silent: true }).then((r) => r.data),
  act: (id: number, action: 'publish' | 'withdraw') => http.post<Notice>(`/notices/${id}/${action}`, {}).then((r) => r.data),
  board: (projectId?: number) =>
    http.get<Page<BoardNotice>>('/notice-board', { params: cleanParams({ projectId }) }).then((r) => r.data),
}
