import { computed, reactive, useTemplateRef } from 'vue'
import type { PageQuery } from '@/api/types'
import { userApi } from '@/api/users'
import type { PageTableExposed } from '@/components/types'
import { useProjectOptions, useRegionOptions } from '@/composables/use-options'
import { useRoleNames } from '@/composables/use-role-names'

export function useUsers() {
  const table = useTemplateRef<PageTableExposed>('table')
  const filters = reactive({ q: '' })
  const { roles, roleName } = useRoleNames()
  const { options: projects } = useProjectOptions()
  const { options: regions } = useRegionOptions()
  const projectNames = computed(() => new Map(projects.value.map((p) => [p.id, p.name])))

  const load = (query: PageQuery) => userApi.list({ ...query, q: filters.q.trim() })

  function search() {
    void table.value?.reload()
  }

  return { table, filters, roles, roleName, projects, regions, projectNames, load, search }
}
