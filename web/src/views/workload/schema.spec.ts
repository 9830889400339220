import { describe, expect, it } from 'vitest'
import type { WorkloadRow } from '@/api/shifts'
import { dayCells, defaultRange, grandTotals, rangeProblem, satisfactionRate } from './schema'

const row = (over: Partial<WorkloadRow>): WorkloadRow => ({
  staffId: 1,
  name: '孙志强',
  teamName: '工程班',
  openNow: 2,
  totals: { assigned: 5, completed: 4, visited: 3, satisfied: 2 },
  days: [],
  ...over,
})

describe('the workload table', () => {
  it('covers the last seven days by default', () => {
    expect(defaultRange('2026-12-01')).toEqual(['2026-11-25', '2026-12-01'])
  })
  it('refuses a range the server would', () => {
    expect(rangeProblem('2026-12-01', '2026-11-30')).toBe('workload.badRange')
    expect(rangeProblem('2026-08-31', '2026-12-01')).toBe('workload.tooLong')
    expect(rangeProblem('2026-09-01', '2026-12-01')).toBeNull()
  })
  it('fills the days the server left out with zeros', () => {
    const cells = dayCells(row({ days: [{ day: '2026-11-30', assigned: 3, completed: 1 }] }), ['2026-11-29', '2026-11-30'])
    expect(cells).toEqual([
      { day: '2026-11-29', assigned: 0, completed: 0 },
      { day: '2026-11-30', assigned: 3, completed: 1 },
    ])
  })
  it('adds up every technician', () => {
    expect(grandTotals([row({}), row({ staffId: 2, openNow: 1 })])).toEqual({ openNow: 3, assigned: 10, completed: 8, visited: 6, satisfied: 4 })
    expect(satisfactionRate(3, 2)).toBe('67%')
    expect(satisfactionRate(0, 0)).toBe('')
  })
})
