import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Me } from '@/api/auth'
import type { Role } from '@/api/users'
import { useRoleOptions } from './use-options'

/** A role's name in the console's language (the server names roles in Chinese and English). */
export function localizedRoleName(role: Pick<Role, 'name' | 'nameEn'>, locale: string): string {
  return locale === 'en-US' && role.nameEn ? role.nameEn : role.name
}

/** The signed-in user's role name in the console's language. */
export function useMyRoleName(me: () => Me | null) {
  const { locale } = useI18n()
  return computed(() => {
    const user = me()
    return user ? localizedRoleName({ name: user.roleName, nameEn: user.roleNameEn }, locale.value) : ''
  })
}

/** The roles, and their names by code in the console's language. */
export function useRoleNames() {
  const { locale } = useI18n()
  const { options: roles } = useRoleOptions()
  const byCode = computed(() => new Map(roles.value.map((role) => [role.code, role])))

  /** `fallback` (the name a record carries) while the roles are loading or for an unknown code. */
  function roleName(code: string, fallback = code): string {
    const role = byCode.value.get(code)
    return role ? localizedRoleName(role, locale.value) : fallback
  }

  return { roles, roleName }
}
