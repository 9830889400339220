import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the menu entry and page title. */
    title?: string
    /** Menu icon (an Element Plus icon component). */
    icon?: Component
    /** Server permission string(s) needed to open the page; any one of several is enough. */
    permission?: string | string[]
    /** Open without signing in. */
    public?: boolean
    /** A page reached from another (one work order), not listed in the side menu. */
    hidden?: boolean
    /** The side-menu entry to highlight on a hidden page. */
    activeMenu?: string
    /** A phone page listed in the bottom tabs of the phone layout. */
    tab?: boolean
  }
}

/** One group of the side menu and the pages it holds, declared in `router/modules/<name>.ts`. */
export interface MenuModule {
  name: string
  /** i18n key of the group. */
  title: string
  icon: Component
  /** Position in the side menu, ascending. */
  order: number
  routes: RouteRecordRaw[]
}
