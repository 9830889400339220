import type { Me } from '@/api/auth'

/**
 * Where a user starts: an owner in 我的报修, a technician in 我的工单 and the cleaning, security and
 * clubhouse staff in 巡检 (the checks due now), all on the phone pages; everyone else on the
 * console's home page.
 */
export function landingPath(me: Pick<Me, 'role'> | null): string {
  if (me?.role === 'owner') return '/m/my-orders'
  if (me?.role === 'technician') return '/m/orders'
  if (me?.role === 'cleaning' || me?.role === 'security' || me?.role === 'clubhouse') return '/m/patrol'
  return '/'
}
