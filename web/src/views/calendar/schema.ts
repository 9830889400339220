import type { CalendarDay } from '@/api/calendar'

/** How a day counts: a plain weekday or weekend, or an override (a holiday, a make-up working day). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface DayCell {
  /** YYYY-MM-DD */
  date: string
  day: number
  kind: DayKind
  note: string
}

const pad = (n: number) => String(n).padStart(2, '0')

export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`

/** 0 = Monday … 6 = Sunday, the Chinese calendar's week. */
function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

export const isWeekend = (date: string) => weekdayOf(date) >= 5

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function dayKind(date: string, override: CalendarDay | undefined): DayKind {
  const weekend = isWeekend(date)
  if (override && override.working === weekend) return weekend ? 'makeup' : 'holiday'
  return weekend ? 'weekend' : 'workday'
}

/** A month (1-12) as the weeks of a Monday-first grid: `null` pads the first and last week. */
export function monthGrid(year: number, month: number, days: readonly CalendarDay[]): (DayCell | null)[][] {
  const byDate = new Map(days.map((d) => [d.date, d]))
  const cells: (DayCell | null)[] = Array.from({ length: weekdayOf(isoDate(year, month, 1)) }, () => null)
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    const date = isoDate(year, month, day)
    const override = byDate.get(date)
    cells.push({ date, day, kind: dayKind(date, override), note: override?.note ?? '' })
  }
  while (cells.length % 7 !== 0) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7))
}

/**
 * Turns a day over: a plain weekday becomes a day off, a weekend day a make-up working day, and an
 * override goes back to plain. New overrides get a default note; the list stays in date order.
 */
export function toggleDay(
  days: readonly CalendarDay[],
  date: string,
  notes: { holiday: string; makeup: string },
): CalendarDay[] {
  if (days.some((d) => d.date === date)) return days.filter((d) => d.date !== date)
  const working = isWeekend(date)
  const added: CalendarDay = { date, working, note: working ? notes.makeup : notes.holiday }
  return [...days, added].sort((a, b) => a.date.localeCompare(b.date))
}

/** Working days in the year: Monday to Friday, less the holidays, plus the make-up days. */
export function workingDayCount(year: number, days: readonly CalendarDay[]): number {
  const byDate = new Map(days.map((d) => [d.date, d]))
  let count = 0
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const kind = dayKind(isoDate(year, month, day), byDate.get(isoDate(year, month, day)))
      if (kind === 'workday' || kind === 'makeup') count++
    }
  }
  return count
}

/** Whether two override lists say the same. */
export function sameDays(a: readonly CalendarDay[], b: readonly CalendarDay[]): boolean {
  const key = (days: readonly CalendarDay[]) =>
    JSON.stringify([...days].sort((x, y) => x.date.localeCompare(y.date)).map((d) => [d.date, d.working, d.note.trim()]))
  return key(a) === key(b)
}
