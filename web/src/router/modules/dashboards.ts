import { markRaw } from 'vue'
import { Calendar, DataAnalysis, DataBoard, Histogram, Phone, TrendCharts } from '@element-plus/icons-vue'
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
    // The analyses (W9): monthly complaint analysis, return-visit report, quarterly statistics.
    {
      path: 'analyses/complaints',
      name: 'analysis-complaints',
      component: () => import('@/views/analyses/complaints.vue'),
      meta: { title: 'menu.analysisComplaints', icon: markRaw(DataAnalysis), permission: PERMISSIONS.dashboardRead },
    },
    {
      path: 'analyses/return-visits',
      name: 'analysis-return-visits',
      component: () => import('@/views/analyses/return-visits.vue'),
      meta: { title: 'menu.analysisVisits', icon: markRaw(Phone), permission: PERMISSIONS.dashboardRead },
    },
    {
      path: 'analyses/quarterly',
      name: 'analysis-quarterly',
      component: () => import('@/views/analyses/quarterly.vue'),
      meta: { title: 'menu.analysisQuarterly', icon: markRaw(Calendar), permission: PERMISSIONS.dashboardRead },
    },
  ],
}

export default dashboards
