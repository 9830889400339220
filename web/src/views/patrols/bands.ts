import type { LimitPeriod, PatrolLimit } from '@/api/patrols'
import { addDays, daysBetween } from '@/utils/day'
import { minutesOf } from '@/utils/patrol'

export interface Band {
  /** Local instants "YYYY-MM-DDTHH:MM:00+08:00". */
  from: string
  to: string
  period: LimitPeriod
  low: number | null
  high: number | null
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/**
 * The limit bands of a facility over local days, for the readings chart: each day split at
 * opening, noon and closing, each piece with the limit of its period (or the `always` one).
 * `offset` is the project's, e.g. "+08:00". Pieces without a limit are left out.
 */
export function limitBands(
  limits: PatrolLimit[],
  hours: { opensAt: string | null; closesAt: string | null },
  from: string,
  to: string,
  offset: string,
): Band[] {
  const opens = minutesOf(hours.opensAt)
  const closes = minutesOf(hours.closesAt)
  const cuts: [number, number, Exclude<LimitPeriod, 'always'>][] =
    opens === null || closes === null || opens >= closes
      ? [[0, 1440, 'closed']]
      : ([
          [0, opens, 'closed'],
          [opens, Math.min(Math.max(opens, 720), closes), 'open_morning'],
          [Math.max(opens, 720), closes, 'open_afternoon'],
          [closes, 1440, 'closed'],
        ] as [number, number, Exclude<LimitPeriod, 'always'>][]).filter(([a, b]) => a < b)
  const out: Band[] = []
  for (const day of daysBetween(from, to)) {
    for (const [a, b, period] of cuts) {
      const limit = limits.find((l) => l.period === period) ?? limits.find((l) => l.period === 'always')
      if (!limit || (limit.low === null && limit.high === null)) continue
      const end = b === 1440 ? `${addDays(day, 1)}T00:00:00${offset}` : `${day}T${hhmm(b)}:00${offset}`
      const prev = out[out.length - 1]
      // Pieces that touch and share a limit are one band.
      if (prev && prev.to === `${day}T${hhmm(a)}:00${offset}` && prev.low === limit.low && prev.high === limit.high) prev.to = end
      else out.push({ from: `${day}T${hhmm(a)}:00${offset}`, to: end, period: limit.period, low: limit.low, high: limit.high })
    }
  }
  return out
}
