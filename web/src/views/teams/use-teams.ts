import { useTemplateRef } from 'vue'
import { teamApi, type Team } from '@/api/org'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useProjectPage } from '@/composables/use-project-page'
import { useStaffOptions } from '@/composables/use-options'
import { confirmRemove } from '@/utils/confirm-remove'

export function useTeams() {
  const { projectId, withProject } = useProjectPage()
  const table = useTemplateRef<PageTableExposed>('table')
  const { options: staff } = useStaffOptions(() => projectId)

  const load = (query: PageQuery) => withProject((id) => teamApi.list({ ...query, projectId: id }))

  async function remove(row: Team) {
    if (await confirmRemove(row.name, () => teamApi.remove(row.id))) await table.value?.refresh()
  }

  return { projectId, table, staff, load, remove }
}
