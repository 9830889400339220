import { onMounted, ref, shallowRef } from 'vue'
import { projectApi, regionApi, staffApi, teamApi, type Project, type Region, type Staff, type Team } from '@/api/org'
import { MAX_PAGE_SIZE } from '@/api/types'
import { listRoles, type Role } from '@/api/users'

// Choices for the selects of filters and forms, loaded when the page opens (useOptions: any list).

export function useOptions<T>(load: () => Promise<T[]>) {
  const options = shallowRef<T[]>([])
  const loading = ref(false)
  async function reload() {
    loading.value = true
    try {
      options.value = await load()
    } catch {
      options.value = []
    } finally {
      loading.value = false
    }
  }
  onMounted(reload)
  return { options, loading, reload }
}

export function useRegionOptions() {
  return useOptions<Region>(async () => (await regionApi.list({ pageSize: MAX_PAGE_SIZE })).items)
}

export function useProjectOptions() {
  return useOptions<Project>(async () => (await projectApi.list({ pageSize: MAX_PAGE_SIZE })).items)
}

export function useTeamOptions(projectId: () => number | null) {
  return useOptions<Team>(async () => {
    const id = projectId()
    return id ? (await teamApi.list({ projectId: id, pageSize: MAX_PAGE_SIZE })).items : []
  })
}

export function useStaffOptions(projectId: () => number | null) {
  return useOptions<Staff>(async () => {
    const id = projectId()
    return id ? (await staffApi.list({ projectId: id, pageSize: MAX_PAGE_SIZE })).items : []
  })
}

let rolesOnce: Promise<Role[]> | null = null

/** The roles seldom change: fetched once per visit. */
export function useRoleOptions() {
  return useOptions<Role>(() => {
    rolesOnce ??= listRoles().catch((error: unknown) => {
      rolesOnce = null
      throw error
    })
    return rolesOnce
  })
}
