import axios from 'axios'
import { ElMessage } from 'element-plus'
import { i18n } from '@/locales'
import router from '@/router'
import { useUserStore } from '@/stores/user'
import { toApiError } from './errors'
import type { Page, PageQuery } from './types'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The caller shows the error itself: no toast, and no redirect to the login page on 401. */
    silent?: boolean
  }
}

/** The one HTTP client of the app: every API module goes through it. */
export const http = axios.create({
  baseURL: '/api/v1',
  withCredentials: true,
  timeout: 30_000,
})

http.interceptors.request.use((config) => {
  // The server also sets the HttpOnly cookie `steward_session`; the bearer token covers clients
  // where the cookie is not sent.
  const user = useUserStore()
  if (user.token) config.headers.set('Authorization', `Bearer ${user.token}`)
  config.headers.set('Accept-Language', i18n.global.locale.value)
  return config
})

function translate(key: string, params: Record<string, string> = {}): string | undefined {
  return i18n.global.te(key) ? i18n.global.t(key, params) : undefined
}

http.interceptors.response.use(
  (response) => response,
  (error: unknown) => {
    const apiError = toApiError(error, translate)
    const silent = axios.isAxiosError(error) && error.config?.silent === true
    if (!silent) {
      ElMessage({ type: 'error', message: apiError.message, grouping: true })
      if (apiError.status === 401) {
        useUserStore().clear()
        const current = router.currentRoute.value
        if (current.name !== 'login') {
          void router.replace({ name: 'login', query: { redirect: current.fullPath } })
        }
      }
    }
    return Promise.reject(apiError)
  },
)

/** Drops empty filters so that `q=` or `zoneId=` are not sent at all. */
export function cleanParams(params: object = {}): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  )
}

/**
 * The five calls of a REST resource `/things` and `/things/{id}`. An update never carries
 * `projectId`: the server refuses to move a record to another project.
 */
export function resource<T, Payload, Query extends PageQuery = PageQuery>(path: string) {
  return {
    list: (query?: Query) =>
      http.get<Page<T>>(path, { params: cleanParams(query) }).then((r) => r.data),
    get: (id: number) => http.get<T>(`${path}/${id}`).then((r) => r.data),
    create: (body: Payload) => http.post<T>(path, body).then((r) => r.data),
    update: (id: number, body: Partial<Omit<Payload, 'projectId'>>) =>
      http.patch<T>(`${path}/${id}`, body).then((r) => r.data),
    remove: (id: number) => http.delete(`${path}/${id}`).then(() => undefined),
  }
}
