import { computed, onMounted, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { workloadApi, type WorkloadRow } from '@/api/shifts'
import { useProjectPage } from '@/composables/use-project-page'
import { i18n } from '@/locales'
import { daysBetween, isoDay } from '@/utils/day'
import { defaultRange, grandTotals, rangeProblem } from './schema'

/** 工作量: orders per technician per day over a range, with totals. */
export function useWorkload() {
  const { projectId } = useProjectPage()
  const range = ref<[string, string]>(defaultRange(isoDay(new Date())))
  const rows = shallowRef<WorkloadRow[]>([])
  const loading = ref(false)
  const days = computed(() => daysBetween(range.value[0], range.value[1]))
  const totals = computed(() => grandTotals(rows.value))

  async function load() {
    if (!projectId) return
    const [from, to] = range.value
    const problem = rangeProblem(from, to)
    if (problem) {
      ElMessage.warning(i18n.global.t(problem))
      return
    }
    loading.value = true
    try {
      rows.value = (await workloadApi.get({ projectId, from, to })).items
    } catch {
      rows.value = []
    } finally {
      loading.value = false
    }
  }

  onMounted(load)
  return { range, rows, days, totals, loading, load }
}
