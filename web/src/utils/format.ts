/**
 * `2024-05-01 10:03` for an ISO 8601 instant, in the given IANA time zone (a project's) or the
 * browser's own; "" for a missing value.
 */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** Floor area with two decimals, e.g. `88.50`. */
export function formatArea(areaSqm: number): string {
  return areaSqm.toFixed(2)
}
