/** Keys of what the console keeps in localStorage between visits. */
export const STORAGE_KEYS = {
  token: 'steward.token',
  projectId: 'steward.projectId',
  sidebarCollapsed: 'steward.sidebarCollapsed',
  locale: 'steward.locale',
} as const

export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // Storage may be disabled (private mode); the console still works for this visit.
  }
}
