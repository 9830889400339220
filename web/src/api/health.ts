import { http } from './http'

export interface Health {
  status: string
  version: string
  database: 'sqlite' | 'postgresql'
}

/** Needs no login. */
export function getHealth() {
  return http.get<Health>('/health', { silent: true }).then((r) => r.data)
}
