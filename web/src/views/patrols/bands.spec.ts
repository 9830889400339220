import { describe, expect, it } from 'vitest'
import { limitBands } from './bands'

const pool = [
  { metricId: 1, period: 'open_morning' as const, low: 0.6, high: 1.0 },
  { metricId: 1, period: 'open_afternoon' as const, low: 0.3, high: 0.6 },
  { metricId: 1, period: 'closed' as const, low: 0.3, high: 0.5 },
]

describe('limit bands of the readings chart', () => {
  it('split the pool day at opening, noon and closing', () => {
    const bands = limitBands(pool, { opensAt: '09:00', closesAt: '21:00' }, '2026-11-20', '2026-11-20', '+08:00')
    expect(bands.map((b) => [b.from.slice(11, 16), b.to.slice(0, 16), b.low, b.high])).toEqual([
      ['00:00', '2026-11-20T09:00', 0.3, 0.5],
      ['09:00', '2026-11-20T12:00', 0.6, 1.0],
      ['12:00', '2026-11-20T21:00', 0.3, 0.6],
      ['21:00', '2026-11-21T00:00', 0.3, 0.5],
    ])
  })

  it('join the closed night across midnight, and use the always limit everywhere', () => {
    const night = limitBands(pool, { opensAt: '09:00', closesAt: '21:00' }, '2026-11-20', '2026-11-21', '+08:00')
    expect(night).toHaveLength(7)
    expect(night[3]).toMatchObject({ from: '2026-11-20T21:00:00+08:00', to: '2026-11-21T09:00:00+08:00' })
    const ph = limitBands([{ metricId: 2, period: 'always', low: 6.8, high: 8.2 }], { opensAt: '09:00', closesAt: '21:00' }, '2026-11-20', '2026-11-22', '+08:00')
    expect(ph).toEqual([{ from: '2026-11-20T00:00:00+08:00', to: '2026-11-23T00:00:00+08:00', period: 'always', low: 6.8, high: 8.2 }])
  })

  it('have no band where there is no limit', () => {
    expect(limitBands([], { opensAt: null, closesAt: null }, '2026-11-20', '2026-11-20', '+08:00')).toEqual([])
  })
})
