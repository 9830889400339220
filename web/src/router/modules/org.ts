import { markRaw } from 'vue'
import {
  Avatar,
  Collection,
  House,
  MapLocation,
  OfficeBuilding,
  School,
  User,
} from '@element-plus/icons-vue'
import { PERMISSIONS } from '@/constants/permissions'
import type { MenuModule } from '../types'

const org: MenuModule = {
  name: 'org',
  title: 'menu.org',
  icon: markRaw(OfficeBuilding),
  order: 10,
  routes: [
    {
      path: 'org/regions',
      name: 'regions',
      component: () => import('@/views/regions/index.vue'),
      meta: { title: 'menu.regions', icon: markRaw(MapLocation), permission: PERMISSIONS.regionRead },
    },
    {
      path: 'org/projects',
      name: 'projects',
      component: () => import('@/views/projects/index.vue'),
      meta: { title: 'menu.projects', icon: markRaw(School), permission: PERMISSIONS.projectRead },
    },
    {
      path: 'org/units',
      name: 'units',
      component: () => import('@/views/units/index.vue'),
      meta: { title: 'menu.units', icon: markRaw(House), permission: PERMISSIONS.orgRead },
    },
    {
      path: 'org/customers',
      name: 'customers',
      component: () => import('@/views/customers/index.vue'),
      meta: { title: 'menu.customers', icon: markRaw(User), permission: PERMISSIONS.customerRead },
    },
    {
      path: 'org/staff',
      name: 'staff',
      component: () => import('@/views/staff/index.vue'),
      meta: { title: 'menu.staff', icon: markRaw(Avatar), permission: PERMISSIONS.staffRead },
    },
    {
      path: 'org/teams',
      name: 'teams',
      component: () => import('@/views/teams/index.vue'),
      meta: { title: 'menu.teams', icon: markRaw(Collection), permission: PERMISSIONS.staffRead },
    },
  ],
}

export default org
