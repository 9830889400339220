import type { LimitPeriod, PatrolCheckpoint, PatrolLimit, PatrolPlan, PatrolSchedule, PatrolSlot } from '@/api/patrols'

/** Minutes since midnight of "HH:MM" ("24:00" is 1440); null for anything else. */
export function minutesOf(text: string | null | undefined): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text ?? '')
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null
  return h * 60 + min
}

/** "HH:MM" of an ISO instant the server wrote with the project's offset: the project's local time. */
export function localTime(iso: string): string {
  return iso.slice(11, 16)
}

/** The local day of such an instant, YYYY-MM-DD. */
export function localDay(iso: string): string {
  return iso.slice(0, 10)
}

/** A slot as "08:00–08:20"; a slot ending at midnight ends at "24:00". */
export function slotRange(slot: Pick<PatrolSlot, 'start' | 'end'>): string {
  const end = localTime(slot.end)
  return `${localTime(slot.start)}–${end === '00:00' && localDay(slot.end) > localDay(slot.start) ? '24:00' : end}`
}

/**
 * Which limits apply at a local minute of the day (docs/patrols.md, "Limits"): open in the morning
 * (before 12:00) or afternoon while `opensAt <= t < closesAt`, closed otherwise; hours that
 * cross midnight (18:00–02:00) are open from opening to midnight and from midnight to closing; a
 * facility without opening hours is never "open".
 */
export function periodAt(opensAt: string | null, closesAt: string | null, minute: number): Exclude<LimitPeriod, 'always'> {
  const opens = minutesOf(opensAt)
  const closes = minutesOf(closesAt)
  if (opens === null || closes === null) return 'closed'
  const open = opens < closes ? minute >= opens && minute < closes : minute >= opens || minute < closes
  if (!open) return 'closed'
  return minute < 12 * 60 ? 'open_morning' : 'open_afternoon'
}

/** The limit of a metric at a minute: the period's own, else the `always` one, else none. */
export function limitAt(
  checkpoint: Pick<PatrolCheckpoint, 'opensAt' | 'closesAt' | 'limits'>,
  metricId: number,
  minute: number,
): PatrolLimit | null {
  const limits = (checkpoint.limits ?? []).filter((l) => l.metricId === metricId)
  const period = periodAt(checkpoint.opensAt, checkpoint.closesAt, minute)
  return limits.find((l) => l.period === period) ?? limits.find((l) => l.period === 'always') ?? null
}

/** Inside the limit, both ends inclusive; true when there is no limit. */
export function withinLimit(value: number, limit: Pick<PatrolLimit, 'low' | 'high'> | null): boolean {
  if (!limit) return true
  return (limit.low === null || value >= limit.low) && (limit.high === null || value <= limit.high)
}

/** "0.60–1.00", "≥ 26.5", "≤ 8.2" with the metric's decimals. */
export function limitText(limit: Pick<PatrolLimit, 'low' | 'high'> | null, decimals: number): string {
  if (!limit || (limit.low === null && limit.high === null)) return ''
  const f = (v: number) => v.toFixed(decimals)
  if (limit.low !== null && limit.high !== null) return `${f(limit.low)}–${f(limit.high)}`
  return limit.low !== null ? `≥ ${f(limit.low)}` : `≤ ${f(limit.high!)}`
}

/** Whether a typed value has at most `decimals` digits after the point. */
export function fitsDecimals(text: string, decimals: number): boolean {
  const pattern = decimals === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+(\\.\\d{1,${decimals}})?$`)
  return pattern.test(text.trim())
}

/** The checkpoint code of what was scanned or typed: the label's `steward:cp:<project>:<code>` or the bare code. */
export function parseScanned(text: string): { projectCode: string | null; code: string } {
  const trimmed = text.trim()
  const m = /^steward:cp:([^:]+):(.+)$/.exec(trimmed)
  return m ? { projectCode: m[1], code: m[2] } : { projectCode: null, code: trimmed }
}

/** Offline check-in: the plans (kept from the last visit) that include the scanned checkpoint. */
export function plansAt(plans: PatrolPlan[], scanned: string): { checkpointId: number; plans: PatrolPlan[] } | null {
  const { code } = parseScanned(scanned)
  const lower = code.toLowerCase()
  const found = plans.filter((p) => p.active && p.checkpoints.some((c) => c.code.toLowerCase() === lower))
  if (!found.length) return null
  const checkpointId = found[0].checkpoints.find((c) => c.code.toLowerCase() === lower)!.id
  return { checkpointId, plans: found.filter((p) => p.checkpoints.some((c) => c.id === checkpointId)) }
}

/** 1 = Monday … 7 = Sunday, as the server numbers them. */
export const weekdayKey = (day: number) => `patrol.weekdays.d${day}`

type T = (key: string, values?: Record<string, unknown>) => string

/** A schedule in words, e.g. "每 20 分钟 · 08:00–22:00" or "每月 1 日". */
export function scheduleText(schedule: PatrolSchedule, t: T): string {
  const days = schedule.weekdays?.length && schedule.weekdays.length < 7 ? schedule.weekdays.map((d) => t(weekdayKey(d))).join(t('patrol.listSep')) : ''
  const within = (from?: string, to?: string) => (from || to ? ` ${from ?? '00:00'}–${to ?? '24:00'}` : '')
  let text: string
  switch (schedule.kind) {
    case 'interval': {
      const n = schedule.everyMinutes ?? 60
      const every = n % 60 === 0 ? t('patrol.schedule.everyHours', { n: n / 60 }) : t('patrol.schedule.everyMinutes', { n })
      text = `${every} · ${(schedule.windows ?? []).map((w) => `${w.from}–${w.to}`).join(t('patrol.listSep'))}`
      break
    }
    case 'times':
      text = t('patrol.schedule.atTimes', { times: (schedule.times ?? []).join(t('patrol.listSep')), n: schedule.slotMinutes ?? 60 })
      break
    case 'weekly':
      text = schedule.weekday ? `${t('patrol.schedule.weeklyOn', { day: t(weekdayKey(schedule.weekday)) })}${within(schedule.from, schedule.to)}` : t('patrol.schedule.weeklyAny')
      break
    default:
      text = schedule.day ? `${t('patrol.schedule.monthlyOn', { day: schedule.day })}${within(schedule.from, schedule.to)}` : t('patrol.schedule.monthlyAny')
  }
  return days ? `${text} · ${days}` : text
}

/** The order of a "due now" list: what is left to do first (grace before open), done last. */
export function dueOrder(slots: PatrolSlot[]): PatrolSlot[] {
  const rank: Record<string, number> = { grace: 0, open: 1, late: 2, done: 3, missed: 4 }
  return [...slots].sort((a, b) => rank[a.state] - rank[b.state] || a.end.localeCompare(b.end) || a.checkpointName.localeCompare(b.checkpointName))
}

/** Coverage in percent for a heat map cell: done / due, null when nothing was due. */
export function coveragePercent(c: { due: number; done: number }): number | null {
  return c.due ? Math.round((c.done / c.due) * 10000) / 100 : null
}
