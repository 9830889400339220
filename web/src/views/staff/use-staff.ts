import { reactive, useTemplateRef } from 'vue'
import { staffApi, type Staff } from '@/api/org'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useProjectPage } from '@/composables/use-project-page'
import { useTeamOptions } from '@/composables/use-options'
import { useRoleNames } from '@/composables/use-role-names'
import { confirmRemove } from '@/utils/confirm-remove'

export function useStaff() {
  const { projectId, withProject } = useProjectPage()
  const table = useTemplateRef<PageTableExposed>('table')
  const filters = reactive<{ teamId: number | undefined; q: string }>({ teamId: undefined, q: '' })
  const { options: teams } = useTeamOptions(() => projectId)
  const { roles, roleName } = useRoleNames()

  const load = (query: PageQuery) =>
    withProject((id) => staffApi.list({ ...query, projectId: id, teamId: filters.teamId, q: filters.q.trim() }))

  function search() {
    void table.value?.reload()
  }

  async function remove(row: Staff) {
    if (await confirmRemove(row.name, () => staffApi.remove(row.id))) await table.value?.refresh()
  }

  return { projectId, table, filters, teams, roles, roleName, load, search, remove }
}
