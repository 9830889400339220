import { computed, ref, shallowRef } from 'vue'
import { buildingApi, projectApi, zoneApi, type ProjectTree } from '@/api/org'
import { useProjectPage } from '@/composables/use-project-page'
import { confirmRemove } from '@/utils/confirm-remove'
import { buildingOptions, toTreeNodes, type TreeNode } from './schema'

/** The current project's zones and buildings, and removing them. */
export function useProjectTree() {
  const { projectId } = useProjectPage()
  const tree = shallowRef<ProjectTree>({ zones: [], buildingsWithoutZone: [] })
  const loading = ref(false)

  const nodes = computed(() => toTreeNodes(tree.value))
  const buildings = computed(() => buildingOptions(tree.value))
  const zones = computed(() => tree.value.zones.map((z) => ({ id: z.id, name: z.name })))

  async function reload() {
    if (!projectId) return
    loading.value = true
    try {
      tree.value = await projectApi.tree(projectId)
    } catch {
      tree.value = { zones: [], buildingsWithoutZone: [] }
    } finally {
      loading.value = false
    }
  }

  /** Answers whether the node was deleted. */
  async function remove(node: TreeNode): Promise<boolean> {
    const api = node.kind === 'zone' ? zoneApi : buildingApi
    const removed = await confirmRemove(node.name, () => api.remove(node.id))
    if (removed) await reload()
    return removed
  }

  return { projectId, tree, nodes, buildings, zones, loading, reload, remove }
}
