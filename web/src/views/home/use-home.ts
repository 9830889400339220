import { computed, onMounted, ref } from 'vue'
import { getHealth, type Health } from '@/api/health'
import { projectApi, type Project } from '@/api/org'
import { PERMISSIONS } from '@/constants/permissions'
import { menuModules } from '@/router'
import { useAppStore } from '@/stores/app'
import { useUserStore } from '@/stores/user'

/** The overview: who is signed in, the current project, the pages at hand and the server. */
export function useHome() {
  const user = useUserStore()
  const app = useAppStore()
  const project = ref<Project | null>(null)
  const health = ref<Health | null>(null)

  const shortcuts = computed(() =>
    menuModules
      .flatMap((module) => module.routes)
      .filter((r) => !r.meta?.hidden && user.can(r.meta?.permission)),
  )

  onMounted(async () => {
    const [details, status] = await Promise.all([
      app.projectId && user.can(PERMISSIONS.projectRead)
        ? projectApi.get(app.projectId).catch(() => null)
        : null,
      getHealth().catch(() => null),
    ])
    project.value = details
    health.value = status
  })

  return { user, app, project, health, shortcuts }
}
