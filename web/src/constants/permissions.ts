/**
 * Permission strings, `<module_singular>.<action>`, the same on the server and in the console
 * (route `meta.permission` and the `v-can` directive). Zones, buildings and units share `org.*`;
 * staff and teams share `staff.*`. Work orders are `work_order.<step>`: register, dispatch, work (the
 * field steps), visit, close, cancel, rate (owners).
 */
export const PERMISSIONS = {
  regionRead: 'region.read',
  regionManage: 'region.manage',
  projectRead: 'project.read',
  projectManage: 'project.manage',
  orgRead: 'org.read',
  orgManage: 'org.manage',
  customerRead: 'customer.read',
  customerManage: 'customer.manage',
  staffRead: 'staff.read',
  staffManage: 'staff.manage',
  userRead: 'user.read',
  userManage: 'user.manage',
  workOrderRead: 'work_order.read',
  workOrderRegister: 'work_order.register',
  workOrderDispatch: 'work_order.dispatch',
  workOrderWork: 'work_order.work',
  workOrderVisit: 'work_order.visit',
  workOrderClose: 'work_order.close',
  workOrderCancel: 'work_order.cancel',
  workOrderRate: 'work_order.rate',
  workOrderStats: 'work_order.stats',
  workOrderCharge: 'work_order.charge',
  priceManage: 'price.manage',
  settingsManage: 'settings.manage',
  slaManage: 'sla.manage',
  calendarManage: 'calendar.manage',
  inspectionRead: 'inspection.read',
  inspectionManage: 'inspection.manage',
  inspectionPerform: 'inspection.perform',
  rubricManage: 'rubric.manage',
  rectificationWork: 'rectification.work',
  rectificationVerify: 'rectification.verify',
} as const
