import { reactive, ref, shallowRef, useTemplateRef } from 'vue'
import { unitApi, type ProjectTree, type Unit } from '@/api/org'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useProjectPage } from '@/composables/use-project-page'
import { confirmRemove } from '@/utils/confirm-remove'
import { buildingOptions, type BuildingOption } from './schema'

export type VacancyFilter = 'all' | 'vacant' | 'occupied'

/** The units of the chosen building (or of the whole project), with their filters. */
export function useUnits() {
  const { withProject } = useProjectPage()
  const table = useTemplateRef<PageTableExposed>('table')
  const buildingId = ref<number | null>(null)
  const filters = reactive<{ q: string; vacancy: VacancyFilter }>({ q: '', vacancy: 'all' })
  const buildings = shallowRef<BuildingOption[]>([])

  const load = (query: PageQuery) =>
    withProject((projectId) =>
      unitApi.list({
        ...query,
        projectId,
        buildingId: buildingId.value ?? undefined,
        q: filters.q.trim(),
        vacant: filters.vacancy === 'all' ? undefined : filters.vacancy === 'vacant',
      }),
    )

  function search() {
    void table.value?.reload()
  }

  function selectBuilding(id: number | null) {
    buildingId.value = id
    search()
  }

  function onTreeLoaded(tree: ProjectTree) {
    buildings.value = buildingOptions(tree)
  }

  async function remove(row: Unit, afterRemove: () => void) {
    if (await confirmRemove(row.label || row.name, () => unitApi.remove(row.id))) {
      await table.value?.refresh()
      afterRemove()
    }
  }

  return { buildingId, filters, buildings, load, search, selectBuilding, onTreeLoaded, remove, table }
}
