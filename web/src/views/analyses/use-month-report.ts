import { ref, watch, type Ref } from 'vue'
import { useAppStore } from '@/stores/app'

/** A monthly report of the current project: loads it for the chosen month (the current one at
 *  first) and again when the project changes. */
export function useMonthReport<T extends { month: string }>(fetch: (projectId: number, month?: string) => Promise<T>) {
  const app = useAppStore()
  const month = ref('')
  const data = ref(null) as Ref<T | null>
  const loading = ref(false)
  async function load() {
    if (!app.projectId) return
    loading.value = true
    try {
      data.value = await fetch(app.projectId, month.value || undefined)
      month.value = data.value.month
    } finally {
      loading.value = false
    }
  }
  watch(() => app.projectId, load, { immediate: true })
  return { app, month, data, loading, load }
}

/** "66.67%", or "—" without a denominator. */
export const percent = (v: number | null) => (v === null ? '—' : `${v}%`)
