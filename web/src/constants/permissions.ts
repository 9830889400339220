/**
 * Permission strings, `<module_singular>.<action>`, the same on the server and in the console
 * (route `meta.permission` and the `v-can` directive). Zones, buildings and units share `org.*`;
 * staff and teams share `staff.*`.
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
} as const
