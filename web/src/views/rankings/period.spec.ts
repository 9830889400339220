import { describe, expect, it } from 'vitest'
import { monthPeriod, quickPeriod, trend } from './period'

describe('ranking periods', () => {
  it('covers whole months and quarters', () => {
    expect(monthPeriod('2026-02')).toEqual(['2026-02-01', '2026-02-28'])
    expect(monthPeriod('2024-02')).toEqual(['2024-02-01', '2024-02-29'])
    const today = new Date(2026, 0, 15)
    expect(quickPeriod('thisMonth', today)).toEqual(['2026-01-01', '2026-01-31'])
    expect(quickPeriod('lastMonth', today)).toEqual(['2025-12-01', '2025-12-31'])
    expect(quickPeriod('thisQuarter', new Date(2026, 10, 3))).toEqual(['2026-10-01', '2026-12-31'])
  })

  it('points the arrows the way the change goes', () => {
    expect(trend(1.5)).toBe('up')
    expect(trend(-0.01)).toBe('down')
    expect(trend(0)).toBe('same')
    expect(trend(null)).toBeNull()
  })
})
