import type { Me } from '@/api/auth'

/**
 * Where a user starts: an owner in 我的报修 and a technician in 我的工单, both on the phone pages;
 * everyone else on the console's home page.
 */
export function landingPath(me: Pick<Me, 'role'> | null): string {
  if (me?.role === 'owner') return '/m/my-orders'
  if (me?.role === 'technician') return '/m/orders'
  return '/'
}
