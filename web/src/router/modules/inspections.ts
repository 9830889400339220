import { markRaw } from 'vue'
import { Finished, Histogram, Notebook, Operation, SetUp, Tickets, Trophy } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

/**
 * 品质检查 (docs/inspections.md): the quality department keeps the rubrics, schemes and scoring
 * settings and inspects; project managers and supervisors see their projects' inspections and
 * rectifications and do self-checks; whoever puts a finding right completes the rectification.
 */
const inspections: MenuModule = {
  name: 'inspections',
  title: 'menu.inspections',
  icon: markRaw(Finished),
  order: 20,
  routes: [
    {
      path: 'inspections',
      name: 'inspections',
      component: () => import('@/views/inspections/index.vue'),
      meta: { title: 'menu.inspectionList', icon: markRaw(Tickets), permission: PERMISSIONS.inspectionRead },
    },
    {
      path: 'inspections/:id(\\d+)',
      name: 'inspection',
      component: () => import('@/views/inspection/index.vue'),
      meta: { title: 'menu.inspection', permission: PERMISSIONS.inspectionRead, hidden: true, activeMenu: '/inspections' },
    },
    {
      path: 'inspections/rectifications',
      name: 'rectifications',
      component: () => import('@/views/rectifications/index.vue'),
      meta: { title: 'menu.rectifications', icon: markRaw(Operation), permission: [PERMISSIONS.inspectionRead, PERMISSIONS.rectificationWork] },
    },
    {
      path: 'inspections/rankings',
      name: 'rankings',
      component: () => import('@/views/rankings/index.vue'),
      meta: { title: 'menu.rankings', icon: markRaw(Trophy), permission: PERMISSIONS.inspectionRead },
    },
    {
      path: 'inspections/rubrics',
      name: 'rubrics',
      component: () => import('@/views/rubrics/index.vue'),
      meta: { title: 'menu.rubrics', icon: markRaw(Notebook), permission: PERMISSIONS.rubricManage },
    },
    {
      path: 'inspections/rubrics/:id(\\d+|new)',
      name: 'rubric',
      component: () => import('@/views/rubric/index.vue'),
      meta: { title: 'menu.rubric', permission: PERMISSIONS.rubricManage, hidden: true, activeMenu: '/inspections/rubrics' },
    },
    {
      path: 'inspections/schemes',
      name: 'inspection-schemes',
      component: () => import('@/views/inspection-schemes/index.vue'),
      meta: { title: 'menu.inspectionSchemes', icon: markRaw(Histogram), permission: PERMISSIONS.inspectionManage },
    },
    {
      path: 'inspections/settings',
      name: 'inspection-settings',
      component: () => import('@/views/inspection-settings/index.vue'),
      meta: { title: 'menu.inspectionSettings', icon: markRaw(SetUp), permission: PERMISSIONS.inspectionManage },
    },
  ],
}

export default inspections
