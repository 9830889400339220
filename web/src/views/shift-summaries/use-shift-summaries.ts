import { onMounted, ref, shallowRef } from 'vue'
import { shiftApi, type ShiftMissing, type ShiftSummary } from '@/api/shifts'
import { useProjectPage } from '@/composables/use-project-page'
import { isoDay } from '@/utils/day'

/** A supervisor's view of one day's shift summaries, and the technicians with open orders who sent none. */
export function useShiftSummaries() {
  const { projectId } = useProjectPage()
  const day = ref(isoDay(new Date()))
  const items = shallowRef<ShiftSummary[]>([])
  const missing = shallowRef<ShiftMissing[]>([])
  const loading = ref(false)

  async function load() {
    if (!projectId) return
    loading.value = true
    try {
      const list = await shiftApi.list({ projectId, day: day.value })
      items.value = list.items
      missing.value = list.missing
    } catch {
      items.value = []
      missing.value = []
    } finally {
      loading.value = false
    }
  }

  onMounted(load)
  return { day, items, missing, loading, load }
}
