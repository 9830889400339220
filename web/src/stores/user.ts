import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import type { LoginForm, Me } from '@/api/auth'
import { hasPermission } from '@/utils/permission'
import { readStorage, STORAGE_KEYS, writeStorage } from '@/utils/storage'

/** Who is signed in: the session token, the user and what they may do. */
export const useUserStore = defineStore('user', () => {
  const token = ref(readStorage(STORAGE_KEYS.token) ?? '')
  const me = ref<Me | null>(null)

  const permissions = computed(() => me.value?.permissions ?? [])
  const projects = computed(() => me.value?.projects ?? [])

  function can(required?: string | readonly string[] | null): boolean {
    return hasPermission(permissions.value, required)
  }

  function setToken(value: string) {
    token.value = value
    writeStorage(STORAGE_KEYS.token, value || null)
  }

  async function login(form: LoginForm) {
    const result = await authApi.login(form)
    setToken(result.token)
    me.value = result.user
    return result.user
  }

  /** Loads the user of the current session; `silent` when merely probing whether there is one. */
  async function loadMe(silent = false) {
    me.value = await authApi.getMe(silent)
    return me.value
  }

  function clear() {
    setToken('')
    me.value = null
  }

  async function logout() {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  return { token, me, permissions, projects, can, login, loadMe, logout, clear }
})
