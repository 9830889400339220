import { onMounted, ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/errors'
import { shiftApi } from '@/api/shifts'
import { i18n } from '@/locales'
import { useAppStore } from '@/stores/app'
import { useUserStore } from '@/stores/user'
import { shiftFormOf, shiftPayload, unexplained, type ShiftForm } from './schema'

/** 交班小结: the technician's unfinished orders, each with why and what next, sent at the end of the shift. */
export function useShift() {
  const app = useAppStore()
  const user = useUserStore()
  const form = ref<ShiftForm | null>(null)
  const loading = ref(false)
  const saving = ref(false)
  /** Codes of the orders still without reason or plan, shown on their cards. */
  const flagged = ref<string[]>([])
  /** What the server said when it refused the summary (e.g. an order left out). */
  const refusal = ref('')
  const submitted = ref(false)

  async function load() {
    const projectId = app.projectId
    if (!projectId) return
    loading.value = true
    refusal.value = ''
    try {
      form.value = shiftFormOf(await shiftApi.draft(projectId))
      flagged.value = []
    } catch {
      form.value = null
    } finally {
      loading.value = false
    }
  }

  async function submit() {
    if (!form.value) return
    flagged.value = unexplained(form.value)
    if (flagged.value.length) {
      ElMessage.warning(i18n.global.t('shift.fillEvery'))
      return
    }
    saving.value = true
    refusal.value = ''
    try {
      await shiftApi.submit(shiftPayload(form.value))
      submitted.value = true
      ElMessage.success(i18n.global.t('shift.submitted'))
    } catch (error) {
      if (error instanceof ApiError) refusal.value = error.details.items ? `${error.message}: ${error.details.items}` : error.message
      else refusal.value = String(error)
    } finally {
      saving.value = false
    }
  }

  watch(() => app.projectId, () => void load())
  onMounted(load)
  return { app, user, form, loading, saving, flagged, refusal, submitted, load, submit }
}
