import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage } from 'element-plus'
import { slaRuleApi, type ClockName, type SlaRule } from '@/api/work-orders'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useCategories } from '@/composables/use-categories'
import { PERMISSIONS } from '@/constants/permissions'
import { i18n } from '@/locales'
import { useUserStore } from '@/stores/user'
import { draftChanged, draftOf, type SlaDraft } from './schema'

/** The service-level rules: everyone on staff reads them, an administrator changes a limit in place. */
export function useSlaRules() {
  const table = useTemplateRef<PageTableExposed>('table')
  const canManage = useUserStore().can(PERMISSIONS.slaManage)
  const clock = ref<ClockName | undefined>(undefined)
  const drafts = reactive(new Map<number, SlaDraft>())
  const saving = ref<number | null>(null)
  const { categoryName } = useCategories()

  async function load(query: PageQuery) {
    const page = await slaRuleApi.list({ ...query, clock: clock.value })
    drafts.clear()
    for (const rule of page.items) drafts.set(rule.id, draftOf(rule))
    return page
  }

  function search() {
    void table.value?.reload()
  }

  const changed = (rule: SlaRule) => draftChanged(rule, drafts.get(rule.id))

  async function save(rule: SlaRule) {
    const draft = drafts.get(rule.id)
    if (!draft || !changed(rule)) return
    saving.value = rule.id
    try {
      await slaRuleApi.update(rule.id, { amount: draft.amount, unit: draft.unit })
      ElMessage.success(i18n.global.t('sla.saved'))
      await table.value?.refresh()
    } catch {
      // the HTTP client showed why
    } finally {
      saving.value = null
    }
  }

  function undo(rule: SlaRule) {
    drafts.set(rule.id, draftOf(rule))
  }

  return { table, canManage, clock, drafts, saving, categoryName, load, search, changed, save, undo }
}
