import { useTemplateRef } from 'vue'
import { regionApi, type Region, type RegionPayload } from '@/api/org'
import type { PageQuery } from '@/api/types'
import type { PageTableExposed } from '@/components/types'
import { useFormDialog } from '@/composables/use-form-dialog'
import { confirmRemove } from '@/utils/confirm-remove'
import { blankRegion } from './schema'

export function useRegions() {
  const table = useTemplateRef<PageTableExposed>('table')

  const load = (query: PageQuery) => regionApi.list(query)

  const dialog = useFormDialog<RegionPayload, Region>({
    blank: blankRegion,
    fromRow: (row) => ({ name: row.name, code: row.code }),
    create: (form) => regionApi.create(form),
    update: (id, form) => regionApi.update(id, form),
    onSaved: () => table.value?.refresh(),
  })

  async function remove(row: Region) {
    if (await confirmRemove(row.name, () => regionApi.remove(row.id))) await table.value?.refresh()
  }

  return { load, dialog, remove }
}
