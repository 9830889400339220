import { markRaw } from 'vue'
import { Bell, Calendar, DataLine, Document, Location, Memo, Postcard } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

/**
 * 巡检与读数 (docs/patrols.md): project managers set up checkpoints, labels and plans; supervisors,
 * project managers and the quality department follow coverage, missed checks, readings and
 * alarms. The field staff check on the phone (`/m/patrol`, router/mobile.ts).
 */
const patrols: MenuModule = {
  name: 'patrols',
  title: 'menu.patrols',
  icon: markRaw(Location),
  order: 22,
  routes: [
    {
      path: 'patrols/coverage',
      name: 'patrol-coverage',
      component: () => import('@/views/patrol-coverage/index.vue'),
      meta: { title: 'menu.patrolCoverage', icon: markRaw(Calendar), permission: PERMISSIONS.patrolRead },
    },
    {
      path: 'patrols/alarms',
      name: 'patrol-alarms',
      component: () => import('@/views/patrol-alarms/index.vue'),
      meta: { title: 'menu.patrolAlarms', icon: markRaw(Bell), permission: PERMISSIONS.patrolRead },
    },
    {
      path: 'patrols/readings',
      name: 'patrol-readings',
      component: () => import('@/views/patrol-readings/index.vue'),
      meta: { title: 'menu.patrolReadings', icon: markRaw(DataLine), permission: PERMISSIONS.patrolRead },
    },
    {
      path: 'patrols/checks',
      name: 'patrol-checks',
      component: () => import('@/views/patrol-checks/index.vue'),
      meta: { title: 'menu.patrolChecks', icon: markRaw(Document), permission: PERMISSIONS.patrolRead },
    },
    {
      path: 'patrols/plans',
      name: 'patrol-plans',
      component: () => import('@/views/patrol-plans/index.vue'),
      meta: { title: 'menu.patrolPlans', icon: markRaw(Memo), permission: PERMISSIONS.patrolRead },
    },
    {
      path: 'patrols/checkpoints',
      name: 'patrol-checkpoints',
      component: () => import('@/views/patrol-checkpoints/index.vue'),
      meta: { title: 'menu.patrolCheckpoints', icon: markRaw(Location), permission: PERMISSIONS.patrolRead },
    },
    {
      path: 'patrols/labels',
      name: 'patrol-labels',
      component: () => import('@/views/patrol-labels/index.vue'),
      meta: { title: 'menu.patrolLabels', icon: markRaw(Postcard), permission: PERMISSIONS.patrolManage },
    },
  ],
}

export default patrols
