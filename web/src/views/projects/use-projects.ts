import { reactive, useTemplateRef } from 'vue'
import { projectApi, type Project } from '@/api/org'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useRegionOptions } from '@/composables/use-options'
import { useUserStore } from '@/stores/user'
import { confirmRemove } from '@/utils/confirm-remove'

export function useProjects() {
  const user = useUserStore()
  const table = useTemplateRef<PageTableExposed>('table')
  const filters = reactive<{ regionId: number | undefined; q: string }>({ regionId: undefined, q: '' })
  const { options: regions } = useRegionOptions()

  const load = (query: PageQuery) => projectApi.list({ ...query, regionId: filters.regionId, q: filters.q.trim() })

  function search() {
    void table.value?.reload()
  }

  /** A project added, renamed or removed changes the project switcher's choices too. */
  async function afterChange() {
    await Promise.all([table.value?.refresh(), user.loadMe()])
  }

  async function remove(row: Project) {
    if (await confirmRemove(row.name, () => projectApi.remove(row.id))) await afterChange()
  }

  return { filters, regions, load, search, afterChange, remove }
}
