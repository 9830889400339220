import { onMounted, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { chargeApi, type UnpaidCharge } from '@/api/charges'
import { MAX_PAGE_SIZE } from '@/api/types'
import { useProjectPage } from '@/composables/use-project-page'
import { i18n } from '@/locales'

/** 未收费清单: the project's unpaid charges; an overdue one needs a word on why. */
export function useUnpaidCharges() {
  const { projectId } = useProjectPage()
  const items = shallowRef<UnpaidCharge[]>([])
  const total = ref(0)
  const overdueOnly = ref(false)
  const loading = ref(false)
  /** What is typed per order before it is saved. */
  const drafts = ref<Record<number, string>>({})
  const saving = ref<number | null>(null)

  async function load() {
    if (!projectId) return
    loading.value = true
    try {
      const page = await chargeApi.unpaid({ projectId, overdue: overdueOnly.value || undefined, pageSize: MAX_PAGE_SIZE })
      items.value = page.items
      total.value = page.total
      drafts.value = Object.fromEntries(page.items.map((c) => [c.orderId, c.explanation ?? '']))
    } catch {
      items.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  async function explain(row: UnpaidCharge) {
    const text = (drafts.value[row.orderId] ?? '').trim()
    if (!text) {
      ElMessage.warning(i18n.global.t('charge.explanationRequired'))
      return
    }
    saving.value = row.orderId
    try {
      await chargeApi.explain(row.orderId, text)
      ElMessage.success(i18n.global.t('common.saved'))
      await load()
    } catch {
      // the HTTP client showed why
    } finally {
      saving.value = null
    }
  }

  onMounted(load)
  return { projectId, items, total, overdueOnly, loading, drafts, saving, load, explain }
}
