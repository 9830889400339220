import type { FormItemRule, FormRules } from 'element-plus'
import type { User, UserPayload } from '@/api/users'
import type { TableColumn } from '@/components/types'
import { i18n } from '@/locales'
import { formatDateTime } from '@/utils/format'
import { chosen, length, matches, maxLength, required } from '@/utils/rules'

export const userColumns: TableColumn<User>[] = [
  { prop: 'username', label: 'user.username', minWidth: 120 },
  { prop: 'displayName', label: 'user.displayName', minWidth: 120 },
  { prop: 'roleName', label: 'user.role', width: 130 },
  { prop: 'projectIds', label: 'user.projects', minWidth: 200 },
  { prop: 'active', label: 'common.status', width: 90 },
  { prop: 'lastLoginAt', label: 'user.lastLoginAt', width: 170, formatter: (u) => formatDateTime(u.lastLoginAt) },
]

/**
 * Which projects a role sees: the whole company (administrators, quality department), one region
 * (region managers), the projects assigned to the account, or an owner's own units.
 */
export function scopeOf(role: string): 'company' | 'region' | 'assigned' | 'owner' {
  if (role === 'admin' || role === 'quality') return 'company'
  if (role === 'region_manager') return 'region'
  if (role === 'owner') return 'owner'
  return 'assigned'
}

/** Which person record a role's account is tied to. */
export function linkOf(role: string): 'customer' | 'staff' | 'none' {
  if (role === 'owner') return 'customer'
  if (role === 'admin' || role === '') return 'none'
  return 'staff'
}

/** The dialog's form; `password` empty on an edit keeps the current one. */
export type UserForm = UserPayload & { password: string }

const MIN_PASSWORD = 8

export function userRules(isEdit: boolean, form: UserForm): FormRules<UserForm> {
  const password: FormItemRule[] = [length(MIN_PASSWORD, 200)]
  if (!isEdit) password.unshift(required())
  const scope = scopeOf(form.role)
  return {
    username: [required(), length(3, 50), matches(/^[a-z0-9_.-]+$/, 'user.usernameRule')],
    displayName: [required(), maxLength(50)],
    password,
    role: [chosen()],
    projectIds: scope === 'assigned' ? [{ ...chosen(), type: 'array' }] : [],
    regionId: scope === 'region' ? [chosen()] : [],
    customerId: linkOf(form.role) === 'customer' ? [chosen()] : [],
  }
}

export function blankUser(): UserForm {
  return {
    username: '',
    displayName: '',
    password: '',
    role: '',
    projectIds: [],
    regionId: null,
    staffId: null,
    customerId: null,
    active: true,
  }
}

export function userFormOf(user: User): UserForm {
  const { username, displayName, role, projectIds, regionId, staffId, customerId, active } = user
  return { username, displayName, password: '', role, projectIds: [...projectIds], regionId, staffId, customerId, active }
}

/** Only what the role uses is sent; a password only when one was typed. */
export function userPayloadOf(form: UserForm): UserPayload {
  const link = linkOf(form.role)
  const payload: UserPayload = {
    username: form.username.trim(),
    displayName: form.displayName.trim(),
    role: form.role,
    projectIds: scopeOf(form.role) === 'company' ? [] : form.projectIds,
    regionId: scopeOf(form.role) === 'region' ? form.regionId : null,
    staffId: link === 'staff' ? form.staffId : null,
    customerId: link === 'customer' ? form.customerId : null,
    active: form.active,
  }
  if (form.password) payload.password = form.password
  return payload
}

/** An edit leaves out the username, which cannot change. */
export function userChangesOf(form: UserForm): Partial<UserPayload> {
  const { username: _username, ...changes } = userPayloadOf(form)
  return changes
}

export const projectNames = (ids: number[], names: Map<number, string>) =>
  ids.map((id) => names.get(id) ?? `#${id}`).join(i18n.global.t('common.listSeparator'))
