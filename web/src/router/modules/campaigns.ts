import { markRaw } from 'vue'
import { Flag, Stamp, Checked } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

/**
 * 抽查与专项 (docs/inspections.md "Spot checks of staff", docs/campaigns.md): supervisors, the
 * command centre and quality check front-desk people and see the monthly score; everyone on staff
 * follows the campaigns and works their tasks.
 */
const campaigns: MenuModule = {
  name: 'staffQuality',
  title: 'menu.staffQuality',
  icon: markRaw(Flag),
  order: 21,
  routes: [
    {
      path: 'spot-checks',
      name: 'spot-checks',
      component: () => import('@/views/spot-checks/index.vue'),
      meta: { title: 'menu.spotChecks', icon: markRaw(Stamp), permission: PERMISSIONS.spotCheckRead },
    },
    {
      path: 'campaigns',
      name: 'campaigns',
      component: () => import('@/views/campaigns/index.vue'),
      meta: { title: 'menu.campaigns', icon: markRaw(Checked), permission: PERMISSIONS.campaignRead },
    },
    {
      path: 'campaigns/:id(\\d+)',
      name: 'campaign',
      component: () => import('@/views/campaign/index.vue'),
      meta: { title: 'menu.campaign', permission: PERMISSIONS.campaignRead, hidden: true, activeMenu: '/campaigns' },
    },
  ],
}

export default campaigns
