import type { Router } from 'vue-router'
import { i18n } from '@/locales'
import { useAppStore } from '@/stores/app'
import { useUserStore } from '@/stores/user'
import { landingPath } from '@/utils/landing'

/**
 * Every page but the public ones needs a session: on the first visit the guard asks the server who
 * is signed in (the HttpOnly cookie or a stored token may still be valid) and sends to the login
 * page when nobody is. A page whose `meta.permission` the user lacks shows the 403 page. The home
 * page sends owners and technicians on to their phone pages (landingPath).
 */
export function installGuards(router: Router) {
  router.beforeEach(async (to) => {
    const user = useUserStore()
    if (to.meta.public) {
      return to.name === 'login' && user.me ? landingPath(user.me) : true
    }
    if (!user.me) {
      try {
        const me = await user.loadMe(true)
        useAppStore().ensureProject(me.projects)
      } catch {
        user.clear()
        return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
      }
    }
    // Owners and technicians start on their phone pages rather than the console's home.
    if (to.name === 'home' && landingPath(user.me) !== '/') return landingPath(user.me)
    if (!user.can(to.meta.permission)) return { name: 'forbidden' }
    return true
  })

  router.afterEach((to) => {
    const title = to.meta.title ? i18n.global.t(to.meta.title) : ''
    document.title = title ? `${title} - Steward` : 'Steward'
  })
}
