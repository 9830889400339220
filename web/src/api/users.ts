import { http, resource } from './http'
import type { PageQuery } from './types'

export interface Role {
  code: string
  name: string
  nameEn?: string
  permissions: string[]
}

export interface User {
  id: number
  username: string
  displayName: string
  role: string
  roleName: string
  projectIds: number[]
  regionId: number | null
  staffId: number | null
  customerId: number | null
  active: boolean
  lastLoginAt: string | null
}

/** POST /users; a PATCH may carry `password` to reset it. */
export interface UserPayload {
  username: string
  displayName: string
  password?: string
  role: string
  projectIds: number[]
  regionId: number | null
  staffId: number | null
  customerId: number | null
  active: boolean
}

export interface UserQuery extends PageQuery {
  q?: string
}

const users = resource<User, UserPayload, UserQuery>('/users')

/** Users are deactivated, never deleted. */
export const userApi = {
  list: users.list,
  get: users.get,
  create: users.create,
  update: users.update,
}

export function listRoles() {
  return http.get<{ items: Role[] }>('/roles').then((r) => r.data.items)
}
