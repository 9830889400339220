import { http } from './http'

/**
 * An exception to the week: a weekday off (`working: false`, an official holiday) or a weekend day
 * worked (`working: true`, 调休上班). `note` names it, 1 to 20 characters.
 */
export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string
  working: boolean
  note: string
}

export interface CalendarYear {
  year: number
  /** The overrides in date order. */
  days: CalendarDay[]
  workingDays: number
}

/** The company-wide working-day calendar; the work-order deadlines count working days on it. */
export const calendarApi = {
  get: (year: number) => http.get<CalendarYear>(`/calendar/${year}`).then((r) => r.data),
  /** Replaces every override of the year (calendar.manage). */
  put: (year: number, days: CalendarDay[]) =>
    http.put<CalendarYear>(`/calendar/${year}`, { days }).then((r) => r.data),
}
