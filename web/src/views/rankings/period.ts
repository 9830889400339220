import { isoDay } from '@/utils/day'

/** A period of the rankings: from and to, both included, YYYY-MM-DD. */
export type Period = [string, string]

/** The calendar month of `month` (YYYY-MM). */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number)
  return [isoDay(new Date(y, m - 1, 1)), isoDay(new Date(y, m, 0))]
}

/** This month, last month or this quarter, seen from `today`. */
export function quickPeriod(kind: 'thisMonth' | 'lastMonth' | 'thisQuarter', today: Date = new Date()): Period {
  const y = today.getFullYear()
  const m = today.getMonth()
  if (kind === 'thisMonth') return [isoDay(new Date(y, m, 1)), isoDay(new Date(y, m + 1, 0))]
  if (kind === 'lastMonth') return [isoDay(new Date(y, m - 1, 1)), isoDay(new Date(y, m, 0))]
  const q = Math.floor(m / 3) * 3
  return [isoDay(new Date(y, q, 1)), isoDay(new Date(y, q + 3, 0))]
}

/** An arrow for a change: ▲ up, ▼ down, – the same, nothing when there is no previous figure. */
export function trend(change: number | null): 'up' | 'down' | 'same' | null {
  if (change === null || change === undefined) return null
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same'
}
