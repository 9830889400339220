import type { NotificationKind } from '@/constants/work-orders'
import { cleanParams, http } from './http'
import type { Page, PageQuery } from './types'

/** A message to the signed-in user (the bell): a clock near its deadline or past it, an unhappy visit. */
export interface Notification {
  id: number
  projectId: number | null
  orderId: number | null
  kind: NotificationKind
  title: string
  body: string
  createdAt: string
  readAt: string | null
}

export interface NotificationQuery extends PageQuery {
  unread?: boolean
}

/** Silent: the bell polls in the background and must not toast a passing network failure. */
export const notificationApi = {
  list: (query: NotificationQuery = {}) =>
    http
      .get<Page<Notification>>('/notifications', { params: cleanParams(query), silent: true })
      .then((r) => r.data),
  unreadCount: () =>
    http.get<{ unread: number }>('/notifications/unread-count', { silent: true }).then((r) => r.data.unread),
  markRead: (id: number) => http.post(`/notifications/${id}/read`).then(() => undefined),
  markAllRead: () => http.post<{ marked: number }>('/notifications/read-all').then((r) => r.data.marked),
}
