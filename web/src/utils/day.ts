/** Calendar days as the server writes them: YYYY-MM-DD. */

/** The day of a Date, in the browser's time zone. */
export function isoDay(date: Date): string {
  const y = date.getFullYear()
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return isoDay(new Date(y, m - 1, d + days))
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let day = from; day <= to && out.length < 400; day = addDays(day, 1)) out.push(day)
  return out
}

/** The workload endpoint answers at most 92 days. */
export const MAX_RANGE_DAYS = 92
