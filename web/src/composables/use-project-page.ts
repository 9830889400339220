import { useAppStore } from '@/stores/app'
import type { Page } from '@/api/types'

/**
 * For pages of the current project: the id to send and a loader guard. The layout rebuilds such a
 * page when the project changes, so the id is read once.
 */
export function useProjectPage() {
  const projectId = useAppStore().projectId

  /** Calls `load` with the project's id, or answers an empty page when no project is chosen. */
  function withProject<T>(load: (projectId: number) => Promise<Page<T>>): Promise<Page<T>> {
    return projectId ? load(projectId) : Promise.resolve({ items: [], total: 0 })
  }

  return { projectId, withProject }
}
