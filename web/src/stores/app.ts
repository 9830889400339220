import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { MeProject } from '@/api/auth'
import { DEFAULT_LOCALE, i18n, isAppLocale, type AppLocale } from '@/locales'
import { readStorage, STORAGE_KEYS, writeStorage } from '@/utils/storage'
import { useUserStore } from './user'

function storedProjectId(): number | null {
  const id = Number(readStorage(STORAGE_KEYS.projectId))
  return Number.isInteger(id) && id > 0 ? id : null
}

/** Console-wide choices, kept between visits: the current project, the sidebar, the language. */
export const useAppStore = defineStore('app', () => {
  const projectId = ref<number | null>(storedProjectId())
  const sidebarCollapsed = ref(readStorage(STORAGE_KEYS.sidebarCollapsed) === '1')
  const storedLocale = readStorage(STORAGE_KEYS.locale)
  const locale = ref<AppLocale>(isAppLocale(storedLocale) ? storedLocale : DEFAULT_LOCALE)

  const currentProject = computed<MeProject | null>(
    () => useUserStore().projects.find((p) => p.id === projectId.value) ?? null,
  )

  function setProject(id: number | null) {
    projectId.value = id
    writeStorage(STORAGE_KEYS.projectId, id === null ? null : String(id))
  }

  /** Keeps the current project among those the user may see; falls back to the first of them. */
  function ensureProject(projects: readonly MeProject[]) {
    if (projects.some((p) => p.id === projectId.value)) return
    setProject(projects[0]?.id ?? null)
  }

  function toggleSidebar() {
    sidebarCollapsed.value = !sidebarCollapsed.value
    writeStorage(STORAGE_KEYS.sidebarCollapsed, sidebarCollapsed.value ? '1' : '0')
  }

  function setLocale(value: AppLocale) {
    locale.value = value
    writeStorage(STORAGE_KEYS.locale, value)
  }

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value
      document.documentElement.lang = value
    },
    { immediate: true },
  )

  return {
    projectId,
    currentProject,
    sidebarCollapsed,
    locale,
    setProject,
    ensureProject,
    toggleSidebar,
    setLocale,
  }
})
