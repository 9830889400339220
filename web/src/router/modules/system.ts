import { markRaw } from 'vue'
import { Aim, Setting, Tools, UserFilled } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

const system: MenuModule = {
  name: 'system',
  title: 'menu.system',
  icon: markRaw(Setting),
  order: 90,
  routes: [
    {
      path: 'system/users',
      name: 'users',
      component: () => import('@/views/users/index.vue'),
      meta: { title: 'menu.users', icon: markRaw(UserFilled), permission: PERMISSIONS.userRead },
    },
    {
      path: 'system/settings',
      name: 'settings',
      component: () => import('@/views/settings/index.vue'),
      meta: { title: 'menu.settings', icon: markRaw(Tools), permission: PERMISSIONS.settingsManage },
    },
    {
      path: 'system/targets',
      name: 'targets',
      component: () => import('@/views/targets/index.vue'),
      meta: { title: 'target.menu', icon: markRaw(Aim), permission: PERMISSIONS.targetManage },
    },
  ],
}

export default system
