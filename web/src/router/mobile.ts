import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { EditPen, List, Notebook, Tickets, Finished, Stamp, Location, Bell, Operation } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'

/**
 * The phone pages, under `/m/` with their own layout (a top bar and tabs, no side menu): a
 * technician's 我的工单, an owner's 报事报修 and 我的报修 (work_order.rate is the owners' own
 * permission), and one order for either. `meta.tab` puts a page in the bottom tabs.
 */
export const mobilePages: RouteRecordRaw[] = [
  {
    path: 'patrol',
    name: 'm-patrol',
    component: () => import('@/views/mobile/patrol/index.vue'),
    meta: { title: 'menu.patrolDue', icon: markRaw(Location), permission: PERMISSIONS.patrolPerform, tab: true },
  },
  {
    path: 'patrol/check/:code',
    name: 'm-patrol-check',
    component: () => import('@/views/mobile/patrol-check/index.vue'),
    meta: { title: 'menu.patrolCheck', permission: PERMISSIONS.patrolPerform },
  },
  {
    path: 'orders',
    name: 'm-orders',
    component: () => import('@/views/mobile/orders/index.vue'),
    meta: { title: 'menu.myWork', icon: markRaw(List), permission: PERMISSIONS.workOrderWork, tab: true },
  },
  {
    path: 'shift',
    name: 'm-shift',
    component: () => import('@/views/mobile/shift/index.vue'),
    meta: { title: 'menu.shift', icon: markRaw(Notebook), permission: PERMISSIONS.workOrderWork, tab: true },
  },
  {
    path: 'report',
    name: 'm-report',
    component: () => import('@/views/mobile/report/index.vue'),
    meta: { title: 'menu.report', icon: markRaw(EditPen), permission: PERMISSIONS.workOrderRate, tab: true },
  },
  {
    path: 'my-orders',
    name: 'm-my-orders',
    component: () => import('@/views/mobile/my-orders/index.vue'),
    meta: { title: 'menu.myOrders', icon: markRaw(Tickets), permission: PERMISSIONS.workOrderRate, tab: true },
  },
  {
    path: 'notices',
    name: 'm-notices',
    component: () => import('@/views/mobile/notices/index.vue'),
    meta: { title: 'notice.menuBoard', icon: markRaw(Bell), permission: PERMISSIONS.workOrderRate, tab: true },
  },
  {
    path: 'rectifications',
    name: 'm-rectifications',
    component: () => import('@/views/mobile/rectifications/index.vue'),
    meta: { title: 'menu.myRectifications', icon: markRaw(Operation), permission: PERMISSIONS.rectificationWork, tab: true },
  },
  {
    path: 'spot-check',
    name: 'm-spot-check',
    component: () => import('@/views/mobile/spot-check/index.vue'),
    meta: { title: 'menu.spotCheck', icon: markRaw(Stamp), permission: PERMISSIONS.spotCheckRecord, tab: true },
  },
  {
    path: 'orders/:id(\\d+)',
    name: 'm-order',
    component: () => import('@/views/mobile/order/index.vue'),
    meta: { title: 'menu.workOrder', permission: PERMISSIONS.workOrderRead },
  },
  {
    path: 'inspections',
    name: 'm-inspections',
    component: () => import('@/views/mobile/inspections/index.vue'),
    meta: { title: 'menu.doInspection', icon: markRaw(Finished), permission: PERMISSIONS.inspectionPerform, tab: true },
  },
  {
    path: 'inspections/:id(\\d+)',
    name: 'm-inspection',
    component: () => import('@/views/mobile/inspection/index.vue'),
    meta: { title: 'menu.inspection', permission: PERMISSIONS.inspectionRead },
  },
]

export const mobileRoute: RouteRecordRaw = {
  path: '/m',
  component: () => import('@/layout/mobile.vue'),
  children: mobilePages,
}
