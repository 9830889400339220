import { markRaw } from 'vue'
import { Setting, UserFilled } from '@element-plus/icons-vue'
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
  ],
}

export default system
