import { computed, reactive, ref, useTemplateRef } from 'vue'
import { customerApi, type Customer } from '@/api/org'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useProjectPage } from '@/composables/use-project-page'
import { confirmRemove } from '@/utils/confirm-remove'
import { isValidPhoneQuery, normalizePhoneQuery } from '@/utils/phone'

/** The customers of the current project, found by name or unit, or by phone (full or last 4 digits). */
export function useCustomers() {
  const { projectId, withProject } = useProjectPage()
  const table = useTemplateRef<PageTableExposed>('table')
  const filters = reactive({ q: '', phone: '' })
  /** The phone filter in force, normalised; set by search() once it is valid. */
  const appliedPhone = ref('')
  const phoneError = ref(false)

  const load = (query: PageQuery) =>
    withProject((id) =>
      customerApi.list({ ...query, projectId: id, q: filters.q.trim(), phone: appliedPhone.value }),
    )

  /** The filters in force, for an export of the same rows. */
  const exportFilters = computed(() => ({ projectId: projectId ?? undefined, q: filters.q.trim(), phone: appliedPhone.value }))

  function search() {
    const phone = normalizePhoneQuery(filters.phone)
    phoneError.value = phone !== '' && !isValidPhoneQuery(phone)
    if (phoneError.value) return
    appliedPhone.value = phone
    void table.value?.reload()
  }

  function reset() {
    filters.q = ''
    filters.phone = ''
    search()
  }

  async function remove(row: Customer) {
    if (await confirmRemove(row.name, () => customerApi.remove(row.id))) await table.value?.refresh()
  }

  return { projectId, table, filters, exportFilters, phoneError, load, search, reset, remove }
}
