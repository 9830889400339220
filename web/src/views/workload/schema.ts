import type { WorkloadRow } from '@/api/shifts'
import { addDays, daysBetween, MAX_RANGE_DAYS } from '@/utils/day'

/** The last week, ending today. */
export function defaultRange(today: string): [string, string] {
  return [addDays(today, -6), today]
}

/** A range the server takes: at most 92 days, in order. */
export function rangeProblem(from: string, to: string): 'workload.badRange' | 'workload.tooLong' | null {
  if (to < from) return 'workload.badRange'
  return daysBetween(from, to).length > MAX_RANGE_DAYS ? 'workload.tooLong' : null
}

/** One technician's counts per day of the range, 0 where the server lists nothing. */
export function dayCells(row: WorkloadRow, days: readonly string[]): { day: string; assigned: number; completed: number }[] {
  const byDay = new Map(row.days.map((d) => [d.day, d]))
  return days.map((day) => ({ day, assigned: byDay.get(day)?.assigned ?? 0, completed: byDay.get(day)?.completed ?? 0 }))
}

/** The sums over all technicians: open now and the four totals. */
export function grandTotals(rows: readonly WorkloadRow[]) {
  const sum = { openNow: 0, assigned: 0, completed: 0, visited: 0, satisfied: 0 }
  for (const row of rows) {
    sum.openNow += row.openNow
    sum.assigned += row.totals.assigned
    sum.completed += row.totals.completed
    sum.visited += row.totals.visited
    sum.satisfied += row.totals.satisfied
  }
  return sum
}

/** Satisfied among the visited, as a whole percent; "" when none was visited. */
export function satisfactionRate(visited: number, satisfied: number): string {
  return visited ? `${Math.round((satisfied / visited) * 100)}%` : ''
}
