import { markRaw } from 'vue'
import { Calendar, DataAnalysis, Document, Money, Notebook, PriceTag, Tickets, Timer } from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

/**
 * 工单: the register, one order, the time limits and the working-day calendar. Staff who dispatch
 * read the limits and the calendar (the server lets any staff read them); sla.manage and
 * calendar.manage edit them.
 */
const workOrders: MenuModule = {
  name: 'workOrders',
  title: 'menu.workOrders',
  icon: markRaw(Tickets),
  order: 5,
  routes: [
    {
      path: 'work-orders',
      name: 'work-orders',
      component: () => import('@/views/work-orders/index.vue'),
      meta: { title: 'menu.workOrderRegister', icon: markRaw(Document), permission: PERMISSIONS.workOrderRead },
    },
    {
      path: 'work-orders/:id(\\d+)',
      name: 'work-order',
      component: () => import('@/views/work-order/index.vue'),
      meta: { title: 'menu.workOrder', permission: PERMISSIONS.workOrderRead, hidden: true, activeMenu: '/work-orders' },
    },
    {
      path: 'work-orders/sla-rules',
      name: 'sla-rules',
      component: () => import('@/views/sla-rules/index.vue'),
      meta: {
        title: 'menu.slaRules',
        icon: markRaw(Timer),
        permission: [PERMISSIONS.slaManage, PERMISSIONS.workOrderDispatch],
      },
    },
    {
      path: 'work-orders/calendar',
      name: 'calendar',
      component: () => import('@/views/calendar/index.vue'),
      meta: {
        title: 'menu.calendar',
        icon: markRaw(Calendar),
        permission: [PERMISSIONS.calendarManage, PERMISSIONS.workOrderDispatch],
      },
    },
    {
      path: 'work-orders/price-items',
      name: 'price-items',
      component: () => import('@/views/price-items/index.vue'),
      meta: { title: 'menu.priceItems', icon: markRaw(PriceTag), permission: [PERMISSIONS.priceManage, PERMISSIONS.workOrderCharge] },
    },
    {
      path: 'work-orders/unpaid-charges',
      name: 'unpaid-charges',
      component: () => import('@/views/unpaid-charges/index.vue'),
      meta: { title: 'menu.unpaidCharges', icon: markRaw(Money), permission: [PERMISSIONS.workOrderCharge, PERMISSIONS.workOrderStats] },
    },
    {
      path: 'work-orders/shift-summaries',
      name: 'shift-summaries',
      component: () => import('@/views/shift-summaries/index.vue'),
      meta: { title: 'menu.shiftSummaries', icon: markRaw(Notebook), permission: PERMISSIONS.workOrderStats },
    },
    {
      path: 'work-orders/workload',
      name: 'workload',
      component: () => import('@/views/workload/index.vue'),
      meta: { title: 'menu.workload', icon: markRaw(DataAnalysis), permission: PERMISSIONS.workOrderStats },
    },
  ],
}

export default workOrders
