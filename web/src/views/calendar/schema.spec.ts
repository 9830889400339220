import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '@/api/calendar'
import { dayKind, monthGrid, sameDays, toggleDay, workingDayCount } from './schema'

const notes = { holiday: '节假日', makeup: '调休上班' }
const national: CalendarDay[] = [
  { date: '2026-10-01', working: false, note: '国庆节' },
  { date: '2026-10-10', working: true, note: '调休上班' },
]

describe('calendar grid', () => {
  it('starts the week on Monday', () => {
    // 1 October 2026 is a Thursday: three blanks before it.
    const weeks = monthGrid(2026, 10, national)
    expect(weeks[0].slice(0, 3)).toEqual([null, null, null])
    expect(weeks[0][3]).toMatchObject({ date: '2026-10-01', day: 1, kind: 'holiday', note: '国庆节' })
    expect(weeks.flat().filter(Boolean)).toHaveLength(31)
    expect(weeks.every((week) => week.length === 7)).toBe(true)
  })

  it('tells weekdays, weekends, holidays and make-up days apart', () => {
    expect(dayKind('2026-10-09', undefined)).toBe('workday')
    expect(dayKind('2026-10-11', undefined)).toBe('weekend')
    expect(dayKind('2026-10-01', national[0])).toBe('holiday')
    expect(dayKind('2026-10-10', national[1])).toBe('makeup')
  })
})

describe('editing the year', () => {
  it('turns a weekday off and a weekend day into a working day, and back', () => {
    const off = toggleDay(national, '2026-10-09', notes)
    expect(off).toContainEqual({ date: '2026-10-09', working: false, note: '节假日' })
    expect(off.map((d) => d.date)).toEqual(['2026-10-01', '2026-10-09', '2026-10-10'])
    expect(toggleDay(national, '2026-10-11', notes)).toContainEqual({ date: '2026-10-11', working: true, note: '调休上班' })
    expect(toggleDay(national, '2026-10-01', notes)).toEqual([national[1]])
  })

  it('counts the working days', () => {
    expect(workingDayCount(2027, [])).toBe(261)
    expect(workingDayCount(2026, national)).toBe(workingDayCount(2026, []))
    expect(workingDayCount(2026, [national[0]])).toBe(workingDayCount(2026, []) - 1)
  })

  it('sees when nothing changed', () => {
    expect(sameDays(national, [...national].reverse())).toBe(true)
    expect(sameDays(national, [national[0]])).toBe(false)
    expect(sameDays(national, [national[0], { ...national[1], note: '补班' }])).toBe(false)
  })
})
