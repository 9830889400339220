import { markRaw } from 'vue'
import { Bell, Document } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

/**
 * 公示栏 (DOMAIN S3, docs/notices.md): project managers, supervisors and quality write and publish
 * the notices owners read on their phones (/m/notices).
 */
const notices: MenuModule = {
  name: 'notices',
  title: 'notice.menuGroup',
  icon: markRaw(Bell),
  order: 22,
  routes: [
    {
      path: 'notices',
      name: 'notices',
      component: () => import('@/views/notices/index.vue'),
      meta: { title: 'notice.menuList', icon: markRaw(Document), permission: PERMISSIONS.noticeManage },
    },
  ],
}

export default notices
