import type { WorkOrder, WorkOrderClock, WorkOrderStatus } from '@/api/work-orders'

/** The colour of a clock badge: on time, under a quarter of the time left, late, or paused. */
export type ClockTone = 'success' | 'warning' | 'danger' | 'info'

export interface ClockBadge {
  clock: WorkOrderClock
  tone: ClockTone
  /** The deadline has passed and the clock is still open. */
  late: boolean
  paused: boolean
  /** Seconds left, or seconds late when `late`; never negative. */
  seconds: number
}

/** Below this share of a clock's time left, its badge turns amber. */
export const WARNING_SHARE = 0.25

const isOpen = (clock: WorkOrderClock) =>
  clock.doneAt === null && (clock.state === 'running' || clock.state === 'breached')

/**
 * The clock an order is waiting on: of the clocks still open (running, or breached and not yet
 * met), the one due soonest; a late clock is due sooner than any other. With none open, a paused
 * clock (the order waits for the owner or for parts); else none.
 */
export function nextClock(clocks: readonly WorkOrderClock[]): WorkOrderClock | null {
  const open = clocks.filter(isOpen)
  if (open.length > 0) {
    return open.reduce((soonest, clock) => (Date.parse(clock.dueAt) < Date.parse(soonest.dueAt) ? clock : soonest))
  }
  return clocks.find((clock) => clock.state === 'paused' && clock.doneAt === null) ?? null
}

/**
 * When a clock started: the return visit's when the order was completed, every other when it was
 * registered. The server does not say (see the report to the lead); this is what docs/sla.md describes.
 */
export function clockStartedAt(clock: WorkOrderClock, order: Pick<WorkOrder, 'reportedAt' | 'completedAt'>): string {
  return clock.name === 'visit' && order.completedAt ? order.completedAt : order.reportedAt
}

/** The badge of a clock at `now` (ms): how long is left or how late it is, and its colour. */
export function clockBadge(clock: WorkOrderClock, startedAt: string, now: number): ClockBadge {
  const due = Date.parse(clock.dueAt)
  const left = Math.round((due - now) / 1000)
  if (clock.state === 'paused') {
    return { clock, tone: 'info', late: false, paused: true, seconds: Math.max(0, left) }
  }
  if (left < 0 || clock.state === 'breached') {
    const late = Math.max(-left, clock.lateBySeconds ?? 0)
    return { clock, tone: 'danger', late: true, paused: false, seconds: late }
  }
  const total = (due - Date.parse(startedAt)) / 1000
  const tone: ClockTone = total > 0 && left >= total * WARNING_SHARE ? 'success' : 'warning'
  return { clock, tone, late: false, paused: false, seconds: left }
}

/**
 * Orders past their return visit, closed or cancelled wait on nobody: a clock the server still runs
 * for them (see the report to the lead) is not shown as a countdown.
 */
export const FINISHED_STATUSES: readonly WorkOrderStatus[] = ['visited', 'closed', 'cancelled']

/** The badge of an order's next clock, or null when no clock is open or the order is finished. */
export function orderClockBadge(
  order: Pick<WorkOrder, 'clocks' | 'reportedAt' | 'completedAt'> & { status?: WorkOrderStatus },
  now: number,
): ClockBadge | null {
  if (order.status && FINISHED_STATUSES.includes(order.status)) return null
  const clock = nextClock(order.clocks ?? [])
  return clock ? clockBadge(clock, clockStartedAt(clock, order), now) : null
}

/** A duration as an i18n key of `workOrder.duration` and its values: days and hours, hours and minutes, or minutes. */
export function durationMessage(seconds: number, roundUp: boolean): { key: string; values: Record<string, number> } {
  const totalMinutes = Math.max(roundUp ? Math.ceil(seconds / 60) : Math.floor(seconds / 60), roundUp ? 0 : 1)
  const days = Math.floor(totalMinutes / 1440)
  const hours = Math.floor((totalMinutes % 1440) / 60)
  const minutes = totalMinutes % 60
  if (days > 0) return { key: 'workOrder.duration.days', values: { d: days, h: hours } }
  if (hours > 0) return { key: 'workOrder.duration.hours', values: { h: hours, m: minutes } }
  return { key: 'workOrder.duration.minutes', values: { m: minutes } }
}

type Translate = (key: string, values?: Record<string, unknown>) => string

/** "剩 3小时12分", "超时 25分" or "已暂停". Time left rounds up, lateness down (at least a minute). */
export function clockBadgeText(badge: ClockBadge, t: Translate): string {
  if (badge.paused) return t('workOrder.clockBadge.paused')
  const { key, values } = durationMessage(badge.seconds, !badge.late)
  return t(badge.late ? 'workOrder.clockBadge.late' : 'workOrder.clockBadge.left', { time: t(key, values) })
}
