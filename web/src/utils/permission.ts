/**
 * Whether a user holding `granted` may do what needs `required`.
 *
 * - nothing required: allowed;
 * - several required: any one of them is enough (a menu entry or button that serves several);
 * - a granted `*` allows everything, and a granted `customer.*` every `customer.<action>`.
 */
export function hasPermission(
  granted: readonly string[],
  required?: string | readonly string[] | null,
): boolean {
  if (required === undefined || required === null) return true
  const wanted = typeof required === 'string' ? [required] : required
  if (wanted.length === 0) return true
  return wanted.some((permission) => grants(granted, permission))
}

function grants(granted: readonly string[], permission: string): boolean {
  for (const held of granted) {
    if (held === permission || held === '*') return true
    if (held.endsWith('.*') && permission.startsWith(held.slice(0, -1))) return true
  }
  return false
}
