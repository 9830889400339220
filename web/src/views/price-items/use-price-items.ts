import { ref, useTemplateRef } from 'vue'
import { priceItemApi, type PriceItem } from '@/api/charges'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useProjectPage } from '@/composables/use-project-page'
import { confirmRemove } from '@/utils/confirm-remove'

/** 价格表: the paid services of the current project. */
export function usePriceItems() {
  const { projectId, withProject } = useProjectPage()
  const table = useTemplateRef<PageTableExposed>('table')
  const q = ref('')
  const activeOnly = ref(false)

  const load = (query: PageQuery) =>
    withProject((id) =>
      priceItemApi.list({ ...query, projectId: id, q: q.value.trim(), active: activeOnly.value ? true : undefined }),
    )

  async function remove(row: PriceItem) {
    if (await confirmRemove(row.name, () => priceItemApi.remove(row.id))) await table.value?.refresh()
  }

  return { projectId, table, q, activeOnly, load, remove }
}
