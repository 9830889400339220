import { describe, expect, it } from 'vitest'
import type { WorkOrderClock } from '@/api/work-orders'
import { clockBadge, clockBadgeText, clockStartedAt, durationMessage, nextClock, orderClockBadge } from './clock'

const clock = (over: Partial<WorkOrderClock>): WorkOrderClock => ({
  name: 'handle',
  dueAt: '2026-11-24T12:00:00+08:00',
  doneAt: null,
  state: 'running',
  ...over,
})

const at = (iso: string) => Date.parse(iso)

/** A translator that shows the key and its values, to check what would be said. */
const t = (key: string, values: Record<string, unknown> = {}) =>
  `${key.split('.').pop()}(${Object.entries(values).map(([k, v]) => `${k}=${String(v)}`).join(',')})`

describe('nextClock', () => {
  it('takes the open clock due soonest', () => {
    const clocks = [
      clock({ name: 'handle', dueAt: '2026-11-24T14:00:00+08:00' }),
      clock({ name: 'resolve', dueAt: '2026-11-24T06:00:00+08:00' }),
      clock({ name: 'contact', dueAt: '2026-11-24T18:00:00+08:00' }),
    ]
    expect(nextClock(clocks)?.name).toBe('resolve')
  })

  it('skips clocks met, stopped or done, and counts a breached open clock', () => {
    const clocks = [
      clock({ name: 'handle', state: 'met', dueAt: '2026-11-24T01:00:00+08:00', doneAt: '2026-11-24T00:30:00+08:00' }),
      clock({ name: 'onsite', state: 'breached', dueAt: '2026-11-24T02:00:00+08:00', doneAt: '2026-11-24T03:00:00+08:00' }),
      clock({ name: 'visit', state: 'stopped', dueAt: '2026-11-24T01:30:00+08:00' }),
      clock({ name: 'acknowledge', state: 'breached', dueAt: '2026-11-24T04:00:00+08:00', lateBySeconds: 60 }),
      clock({ name: 'feedback', dueAt: '2026-11-25T18:00:00+08:00' }),
    ]
    expect(nextClock(clocks)?.name).toBe('acknowledge')
  })

  it('falls back to a paused clock, else none', () => {
    const paused = clock({ name: 'resolve', state: 'paused' })
    expect(nextClock([clock({ state: 'met', doneAt: '2026-11-24T01:00:00+08:00' }), paused])).toBe(paused)
    expect(nextClock([clock({ state: 'met', doneAt: '2026-11-24T01:00:00+08:00' })])).toBeNull()
    expect(nextClock([])).toBeNull()
  })
})

describe('clockBadge', () => {
  const start = '2026-11-24T08:00:00+08:00' // a 4-hour clock due at 12:00

  it('is green with a quarter of the time or more left', () => {
    const badge = clockBadge(clock({}), start, at('2026-11-24T09:00:00+08:00'))
    expect(badge).toMatchObject({ tone: 'success', late: false, seconds: 3 * 3600 })
    expect(clockBadge(clock({}), start, at('2026-11-24T11:00:00+08:00')).tone).toBe('success')
  })

  it('turns amber under a quarter left', () => {
    expect(clockBadge(clock({}), start, at('2026-11-24T11:01:00+08:00')).tone).toBe('warning')
    expect(clockBadge(clock({}), start, at('2026-11-24T11:59:59+08:00')).tone).toBe('warning')
  })

  it('turns red once due, counting how late', () => {
    const badge = clockBadge(clock({}), start, at('2026-11-24T12:25:00+08:00'))
    expect(badge).toMatchObject({ tone: 'danger', late: true, seconds: 25 * 60 })
    const breached = clock({ state: 'breached', lateBySeconds: 7200 })
    expect(clockBadge(breached, start, at('2026-11-24T12:10:00+08:00'))).toMatchObject({ tone: 'danger', seconds: 7200 })
  })

  it('is grey while paused', () => {
    expect(clockBadge(clock({ state: 'paused' }), start, at('2026-11-24T13:00:00+08:00'))).toMatchObject({
      tone: 'info',
      paused: true,
      late: false,
    })
  })

  it('starts the return visit at completion', () => {
    const order = { reportedAt: '2026-11-20T08:00:00+08:00', completedAt: '2026-11-24T08:00:00+08:00' }
    expect(clockStartedAt(clock({ name: 'visit' }), order)).toBe(order.completedAt)
    expect(clockStartedAt(clock({ name: 'resolve' }), order)).toBe(order.reportedAt)
  })

  it('answers the badge of an order', () => {
    const order = { reportedAt: start, completedAt: null, clocks: [clock({ state: 'met', doneAt: start })] }
    expect(orderClockBadge(order, at(start))).toBeNull()
    expect(orderClockBadge({ ...order, clocks: [clock({})] }, at(start))?.tone).toBe('success')
  })

  it('shows no countdown on a finished order', () => {
    const order = { reportedAt: start, completedAt: start, clocks: [clock({ name: 'contact' })] }
    expect(orderClockBadge({ ...order, status: 'visited' }, at(start))).toBeNull()
    expect(orderClockBadge({ ...order, status: 'cancelled' }, at(start))).toBeNull()
    expect(orderClockBadge({ ...order, status: 'completed' }, at(start))).not.toBeNull()
  })
})

describe('badge text', () => {
  it('splits durations into days and hours, hours and minutes, or minutes', () => {
    expect(durationMessage(3 * 3600 + 12 * 60, true)).toEqual({ key: 'workOrder.duration.hours', values: { h: 3, m: 12 } })
    expect(durationMessage(2 * 86400 + 3 * 3600 + 59, false)).toEqual({ key: 'workOrder.duration.days', values: { d: 2, h: 3 } })
    expect(durationMessage(25 * 60, false)).toEqual({ key: 'workOrder.duration.minutes', values: { m: 25 } })
  })

  it('rounds time left up and lateness down, at least a minute late', () => {
    expect(durationMessage(61, true).values).toEqual({ m: 2 })
    expect(durationMessage(119, false).values).toEqual({ m: 1 })
    expect(durationMessage(5, false).values).toEqual({ m: 1 })
  })

  it('says left, late or paused', () => {
    const start = '2026-11-24T08:00:00+08:00'
    const left = clockBadge(clock({}), start, at('2026-11-24T08:48:00+08:00'))
    expect(clockBadgeText(left, t)).toBe('left(time=hours(h=3,m=12))')
    const late = clockBadge(clock({}), start, at('2026-11-24T12:25:00+08:00'))
    expect(clockBadgeText(late, t)).toBe('late(time=minutes(m=25))')
    expect(clockBadgeText(clockBadge(clock({ state: 'paused' }), start, at(start)), t)).toBe('paused()')
  })
})
