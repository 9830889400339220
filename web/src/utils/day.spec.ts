import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isoDay } from './day'

describe('days', () => {
  it('writes a local date as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01')
  })
  it('steps over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
  it('lists the days of a range, both ends included', () => {
    expect(daysBetween('2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01'])
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([])
  })
})
