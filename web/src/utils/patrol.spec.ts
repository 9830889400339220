import { describe, expect, it } from 'vitest'
import type { PatrolPlan, PatrolSlot } from '@/api/patrols'
import { dueOrder, fitsDecimals, limitAt, limitText, minutesOf, parseScanned, periodAt, plansAt, scheduleText, slotRange, withinLimit } from './patrol'

/** The pool of seed 000, open 09:00-21:00. */
const pool = {
  opensAt: '09:00',
  closesAt: '21:00',
  limits: [
    { metricId: 1, period: 'open_morning' as const, low: 0.6, high: 1.0 },
    { metricId: 1, period: 'open_afternoon' as const, low: 0.3, high: 0.6 },
    { metricId: 1, period: 'closed' as const, low: 0.3, high: 0.5 },
    { metricId: 2, period: 'always' as const, low: 6.8, high: 8.2 },
  ],
}
const at = (hhmm: string) => minutesOf(hhmm)!

describe('limits of a facility', () => {
  it('follow the opening hours and noon, edges included', () => {
    expect(periodAt('09:00', '21:00', at('08:59'))).toBe('closed')
    // Hours that cross midnight: open from opening to midnight and on to closing.
    expect(periodAt('18:00', '02:00', at('17:59'))).toBe('closed')
    expect(periodAt('18:00', '02:00', at('23:00'))).toBe('open_afternoon')
    expect(periodAt('18:00', '02:00', at('01:59'))).toBe('open_morning')
    expect(periodAt('18:00', '02:00', at('02:00'))).toBe('closed')
    expect(periodAt('09:00', '21:00', at('09:00'))).toBe('open_morning')
    expect(periodAt('09:00', '21:00', at('11:59'))).toBe('open_morning')
    expect(periodAt('09:00', '21:00', at('12:00'))).toBe('open_afternoon')
    expect(periodAt('09:00', '21:00', at('20:59'))).toBe('open_afternoon')
    expect(periodAt('09:00', '21:00', at('21:00'))).toBe('closed')
    expect(periodAt(null, null, at('10:00'))).toBe('closed')
  })

  it('judge 0.70 mg/L within limits at 11:59 and out of them at 12:00', () => {
    expect(withinLimit(0.7, limitAt(pool, 1, at('11:59')))).toBe(true)
    expect(withinLimit(0.7, limitAt(pool, 1, at('12:00')))).toBe(false)
    expect(limitText(limitAt(pool, 1, at('08:59')), 2)).toBe('0.30–0.50')
  })

  it('fall back to the always limit, and to none', () => {
    expect(limitText(limitAt(pool, 2, at('10:00')), 1)).toBe('6.8–8.2')
    expect(limitAt(pool, 3, at('10:00'))).toBeNull()
    expect(withinLimit(99, null)).toBe(true)
    expect(limitText({ low: 26.5, high: null }, 1)).toBe('≥ 26.5')
    expect(limitText({ low: null, high: 27 }, 1)).toBe('≤ 27.0')
  })

  it('take both ends as inside', () => {
    expect(withinLimit(0.6, { low: 0.6, high: 1 })).toBe(true)
    expect(withinLimit(1, { low: 0.6, high: 1 })).toBe(true)
    expect(withinLimit(0.59, { low: 0.6, high: 1 })).toBe(false)
  })
})

describe('typed values and codes', () => {
  it('allow no more decimals than the metric has', () => {
    expect(fitsDecimals('0.55', 2)).toBe(true)
    expect(fitsDecimals('0.555', 2)).toBe(false)
    expect(fitsDecimals('7', 1)).toBe(true)
    expect(fitsDecimals('7.', 1)).toBe(false)
    expect(fitsDecimals('27', 0)).toBe(true)
    expect(fitsDecimals('2.5', 0)).toBe(false)
  })

  it('read the label text and the bare code', () => {
    expect(parseScanned('steward:cp:CSHY:POOL-1')).toEqual({ projectCode: 'CSHY', code: 'POOL-1' })
    expect(parseScanned('  wc-2 ')).toEqual({ projectCode: null, code: 'wc-2' })
  })

  it('find the plans of a checkpoint offline, whatever the case typed', () => {
    const plan = (id: number, codes: string[], active = true) =>
      ({ id, active, checkpoints: codes.map((code, i) => ({ id: id * 10 + i, code, name: code, place: '' })) }) as unknown as PatrolPlan
    const plans = [plan(1, ['WC-1', 'WC-2']), plan(2, ['POOL']), plan(3, ['WC-2'], false)]
    expect(plansAt(plans, 'steward:cp:CSHY:wc-2')).toEqual({ checkpointId: 11, plans: [plans[0]] })
    expect(plansAt(plans, 'NOPE')).toBeNull()
  })
})

describe('schedules and slots in words', () => {
  const t = (key: string, v: Record<string, unknown> = {}) => `${key.split('.').pop()}${JSON.stringify(v)}`

  it('name the kind and its times', () => {
    expect(scheduleText({ kind: 'interval', everyMinutes: 20, windows: [{ from: '08:00', to: '22:00' }] }, t)).toBe('everyMinutes{"n":20} · 08:00–22:00')
    expect(scheduleText({ kind: 'interval', everyMinutes: 120, windows: [{ from: '08:00', to: '22:00' }] }, t)).toBe('everyHours{"n":2} · 08:00–22:00')
    expect(scheduleText({ kind: 'monthly' }, t)).toBe('monthlyAny{}')
    expect(scheduleText({ kind: 'weekly', weekday: 1 }, t)).toBe('weeklyOn{"day":"d1{}"}')
  })

  it('show a slot ending at midnight as 24:00', () => {
    expect(slotRange({ start: '2026-11-20T22:00:00+08:00', end: '2026-11-21T00:00:00+08:00' })).toBe('22:00–24:00')
    expect(slotRange({ start: '2026-11-20T08:00:00+08:00', end: '2026-11-20T08:20:00+08:00' })).toBe('08:00–08:20')
  })

  it('put what is left to do first', () => {
    const slot = (state: string, end: string) => ({ state, end, checkpointName: 'x' }) as PatrolSlot
    const sorted = dueOrder([slot('done', '2'), slot('open', '3'), slot('grace', '1'), slot('open', '1')])
    expect(sorted.map((s) => `${s.state}${s.end}`)).toEqual(['grace1', 'open1', 'open3', 'done2'])
  })
})
