import { markRaw } from 'vue'
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { HomeFilled } from '@element-plus/icons-vue'
import Layout from '@/layout/index.vue'
import { installGuards } from './guard'
import { mobileRoute } from './mobile'
import type { MenuModule } from './types'

/** The side menu's groups, one per file in `modules/`, in menu order. */
export const menuModules: MenuModule[] = Object.values(
  import.meta.glob<MenuModule>('./modules/*.ts', { eager: true, import: 'default' }),
).sort((a, b) => a.order - b.order)

export const homeRoute: RouteRecordRaw = {
  path: '',
  name: 'home',
  component: () => import('@/views/home/index.vue'),
  meta: { title: 'menu.home', icon: markRaw(HomeFilled) },
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { title: 'auth.login', public: true },
  },
  mobileRoute,
  {
    path: '/',
    component: Layout,
    children: [
      homeRoute,
      ...menuModules.flatMap((module) => module.routes),
      {
        path: '403',
        name: 'forbidden',
        component: () => import('@/views/error/forbidden.vue'),
        meta: { title: 'error.forbiddenTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/error/not-found.vue'),
        meta: { title: 'error.notFoundTitle' },
      },
    ],
  },
]

const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

installGuards(router)

export default router
