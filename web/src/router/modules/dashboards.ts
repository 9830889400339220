import { markRaw } from 'vue'
import { DataBoard, Histogram, TrendCharts } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

/** 看板: the project dashboard and the region/company grid (issue 6). */
const dashboards: MenuModule = {
  name: 'dashboards',
  title: 'menu.dashboards',
  icon: markRaw(DataBoard),
  order: 2,
  routes: [
    {
      path: 'dashboards/project',
      name: 'dashboard-project',
      component: () => import('@/views/dashboard/index.vue'),
      meta: { title: 'menu.dashboardProject', icon: markRaw(TrendCharts), permission: PERMISSIONS.dashboardRead },
    },
    {
      path: 'dashboards/company',
      name: 'dashboard-company',
      component: () => import('@/views/dashboard/company.vue'),
      meta: { title: 'menu.dashboardCompany', icon: markRaw(Histogram), permission: PERMISSIONS.dashboardRead },
    },
  ],
}

export default dashboards
