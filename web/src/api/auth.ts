import { http } from './http'

/** A project the signed-in user may work in: the choices of the project switcher. */
export interface MeProject {
  id: number
  name: string
  code: string
  regionId: number
}

/** The signed-in user, as `GET /me` answers. */
export interface Me {
  id: number
  username: string
  displayName: string
  role: string
  roleName: string
  roleNameEn?: string
  permissions: string[]
  projects: MeProject[]
  customerId: number | null
  staffId: number | null
  regionId?: number | null
}

export interface LoginForm {
  username: string
  password: string
}

export interface LoginResult {
  token: string
  expiresAt: string
  user: Me
}

/** The login page shows its own errors (wrong password, too many attempts). */
export function login(form: LoginForm) {
  return http.post<LoginResult>('/auth/login', form, { silent: true }).then((r) => r.data)
}

/** Silent: signing out of an already expired session is not an error worth showing. */
export function logout() {
  return http.post('/auth/logout', null, { silent: true }).then(() => undefined)
}

/** `silent` when probing for an existing session (cookie or stored token) before the first page. */
export function getMe(silent = false) {
  return http.get<Me>('/me', { silent }).then((r) => r.data)
}
