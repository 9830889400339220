import { markRaw } from 'vue'
import { Calendar, Document, Tickets, Timer } from '@element-plus/icons-vue'
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
  ],
}

export default workOrders
