import { ref, useTemplateRef } from 'vue'
import { useRoute } from 'vue-router'
import { workOrderApi, type WorkOrder } from '@/api/work-orders'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useCategories } from '@/composables/use-categories'
import { useNow } from '@/composables/use-now'
import { useProjectPage } from '@/composables/use-project-page'
import { blankFilters, filtersFromQuery, registerQuery, type RegisterFilters } from './schema'

/** The register of the current project: filters, paging on the server, and the order just registered. */
export function useWorkOrders() {
  const { projectId, withProject } = useProjectPage()
  const table = useTemplateRef<PageTableExposed>('table')
  const filters = ref<RegisterFilters>(filtersFromQuery(useRoute().query))
  const { categories, categoryName } = useCategories()
  const now = useNow()
  /** The order the quick entry registered last, shown above the list. */
  const created = ref<WorkOrder | null>(null)

  const load = (query: PageQuery) =>
    withProject((id) => workOrderApi.list({ ...query, ...registerQuery(filters.value), projectId: id }))

  function search() {
    void table.value?.reload()
  }

  function reset() {
    filters.value = blankFilters()
    search()
  }

  function onCreated(order: WorkOrder) {
    created.value = order
    search()
  }

  return { projectId, table, filters, categories, categoryName, now, created, load, search, reset, onCreated }
}
