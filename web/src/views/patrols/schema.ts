import type { FormRules } from 'element-plus'
import type { CheckpointBody, CheckpointKind, PatrolCheckpoint, PatrolPlan, PatrolSchedule, PlanBody } from '@/api/patrols'
import { ApiError } from '@/api/errors'
import { i18n } from '@/locales'
import { matches, maxLength, required } from '@/utils/rules'
import { minutesOf } from '@/utils/patrol'

export const CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/
export const HHMM_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/

export interface CheckpointForm {
  projectId: number
  code: string
  name: string
  kind: CheckpointKind
  place: string
  opensAt: string
  closesAt: string
  active: boolean
}

export const checkpointRules: FormRules<CheckpointForm> = {
  code: [required(), matches(CODE_PATTERN, 'patrol.checkpoint.codeRule')],
  name: [required(), maxLength(50)],
  place: [maxLength(100)],
  opensAt: [matches(HHMM_PATTERN, 'patrol.timeRule')],
  closesAt: [matches(HHMM_PATTERN, 'patrol.timeRule')],
}

export function blankCheckpoint(projectId: number): CheckpointForm {
  return { projectId, code: '', name: '', kind: 'post', place: '', opensAt: '', closesAt: '', active: true }
}

export function checkpointFormOf(c: PatrolCheckpoint): CheckpointForm {
  return { projectId: c.projectId, code: c.code, name: c.name, kind: c.kind, place: c.place, opensAt: c.opensAt ?? '', closesAt: c.closesAt ?? '', active: c.active }
}

export function checkpointPayload(f: CheckpointForm): CheckpointBody {
  return {
    projectId: f.projectId,
    code: f.code.trim(),
    name: f.name.trim(),
    kind: f.kind,
    place: f.place.trim(),
    opensAt: f.opensAt || null,
    closesAt: f.closesAt || null,
    active: f.active,
  }
}

// ---- The plan editor's form: every schedule kind's fields at once, so switching kinds keeps them.

export interface ItemForm {
  id?: number
  label: string
  kind: 'check' | 'reading'
  metricId: number | null
}

export interface PlanForm {
  projectId: number
  name: string
  assigneeKind: 'role' | 'team' | 'person'
  role: string
  teamId: number | null
  userId: number | null
  scheduleKind: PatrolSchedule['kind']
  everyMinutes: number
  windows: { from: string; to: string }[]
  times: string[]
  slotMinutes: number
  weekdays: number[]
  weekday: number | null
  day: number | null
  from: string
  to: string
  graceMinutes: number
  checkpointIds: number[]
  items: ItemForm[]
  quotaPer: '' | 'day' | 'shift'
  quotaCount: number
  shifts: { name: string; from: string; to: string }[]
  active: boolean
  /** The day it starts on ('' for a new plan: from when it is saved), and the day it had. */
  startsOn: string
  startsOnWas: string
}

export const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

export function blankPlan(projectId: number): PlanForm {
  return {
    projectId,
    name: '',
    assigneeKind: 'role',
    role: 'cleaning',
    teamId: null,
    userId: null,
    scheduleKind: 'interval',
    everyMinutes: 60,
    windows: [{ from: '08:00', to: '18:00' }],
    times: ['09:00'],
    slotMinutes: 60,
    weekdays: [...ALL_WEEKDAYS],
    weekday: null,
    day: null,
    from: '',
    to: '',
    graceMinutes: 10,
    checkpointIds: [],
    items: [{ label: '', kind: 'check', metricId: null }],
    quotaPer: '',
    quotaCount: 2,
    shifts: [],
    active: true,
    startsOn: '',
    startsOnWas: '',
  }
}

export function planFormOf(p: PatrolPlan): PlanForm {
  const s = p.schedule
  const base = blankPlan(p.projectId)
  return {
    ...base,
    projectId: p.projectId,
    name: p.name,
    assigneeKind: p.assignee.kind,
    role: p.assignee.role ?? base.role,
    teamId: p.assignee.teamId ?? null,
    userId: p.assignee.userId ?? null,
    scheduleKind: s.kind,
    everyMinutes: s.everyMinutes ?? base.everyMinutes,
    windows: s.windows?.length ? s.windows.map((w) => ({ ...w })) : base.windows,
    times: s.times?.length ? [...s.times] : base.times,
    slotMinutes: s.slotMinutes ?? base.slotMinutes,
    weekdays: s.weekdays?.length ? [...s.weekdays] : [...ALL_WEEKDAYS],
    weekday: s.weekday ?? null,
    day: s.day ?? null,
    from: s.from ?? '',
    to: s.to ?? '',
    graceMinutes: p.graceMinutes,
    checkpointIds: p.checkpoints.map((c) => c.id),
    items: p.items.map((i) => ({ id: i.id, label: i.label, kind: i.kind, metricId: i.metricId ?? null })),
    quotaPer: p.quota?.per ?? '',
    quotaCount: p.quota?.count ?? base.quotaCount,
    shifts: p.quota?.shifts?.map((x) => ({ ...x })) ?? [],
    active: p.active,
    startsOn: p.startsAt.slice(0, 10),
    startsOnWas: p.startsAt.slice(0, 10),
  }
}

/** The schedule the form describes, with only the fields of its kind. */
export function scheduleOf(f: PlanForm): PatrolSchedule {
  const weekdays = f.weekdays.length && f.weekdays.length < 7 ? { weekdays: [...f.weekdays].sort() } : {}
  const span = f.from || f.to ? { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) } : {}
  switch (f.scheduleKind) {
    case 'interval':
      return { kind: 'interval', everyMinutes: f.everyMinutes, windows: f.windows.map((w) => ({ ...w })), ...weekdays }
    case 'times':
      return { kind: 'times', times: [...f.times].sort(), slotMinutes: f.slotMinutes, ...weekdays }
    case 'weekly':
      return { kind: 'weekly', ...(f.weekday ? { weekday: f.weekday } : {}), ...(f.weekday ? span : {}) }
    default:
      return { kind: 'monthly', ...(f.day ? { day: f.day } : {}), ...(f.day ? span : {}) }
  }
}

export function planPayload(f: PlanForm): PlanBody {
  const assignee =
    f.assigneeKind === 'role' ? { kind: 'role' as const, role: f.role } : f.assigneeKind === 'team' ? { kind: 'team' as const, teamId: f.teamId ?? 0 } : { kind: 'person' as const, userId: f.userId ?? 0 }
  return {
    projectId: f.projectId,
    name: f.name.trim(),
    assignee,
    schedule: scheduleOf(f),
    graceMinutes: f.graceMinutes,
    checkpointIds: [...f.checkpointIds],
    items: f.items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      label: i.label.trim(),
      kind: i.kind,
      ...(i.kind === 'reading' && i.metricId ? { metricId: i.metricId } : {}),
    })),
    quota: f.quotaPer ? { per: f.quotaPer, count: f.quotaCount, ...(f.quotaPer === 'shift' ? { shifts: f.shifts.map((s) => ({ ...s })) } : {}) } : null,
    active: f.active,
    // Sent only when changed: a plan made at 10:00 keeps its 10:00 start through later edits.
    ...(f.startsOn && f.startsOn !== f.startsOnWas ? { startsOn: f.startsOn } : {}),
  }
}

/** What the form would send that the server refuses anyway, as message keys; empty when fine. */
export function planProblems(f: PlanForm): string[] {
  const out: string[] = []
  if (!f.name.trim()) out.push('patrol.plan.problems.name')
  if (!f.checkpointIds.length) out.push('patrol.plan.problems.checkpoints')
  if (!f.items.length || f.items.some((i) => !i.label.trim())) out.push('patrol.plan.problems.items')
  if (f.items.some((i) => i.kind === 'reading' && !i.metricId)) out.push('patrol.plan.problems.metric')
  if (f.assigneeKind === 'team' && !f.teamId) out.push('patrol.plan.problems.team')
  if (f.assigneeKind === 'person' && !f.userId) out.push('patrol.plan.problems.person')
  if (f.scheduleKind === 'interval') {
    const spans = f.windows.map((w) => [minutesOf(w.from), minutesOf(w.to)] as const)
    if (!spans.length || spans.some(([a, b]) => a === null || b === null || a === b || a === 1440)) out.push('patrol.plan.problems.windows')
    else {
      // A window that ends before it starts crosses midnight (22:00–06:00): it ends the next day,
      // and must end before the next day's first window starts.
      const sorted = spans.map(([a, b]) => [a!, b! < a! ? b! + 1440 : b!] as const).sort((a, b) => a[0] - b[0])
      if (sorted.some((w, i) => (i > 0 && w[0] < sorted[i - 1][1]) || w[1] - 1440 > sorted[0][0])) out.push('patrol.plan.problems.overlap')
    }
  }
  if (f.scheduleKind === 'times') {
    if (!f.times.length || f.times.some((x) => minutesOf(x) === null || x === '24:00')) out.push('patrol.plan.problems.times')
    else if (new Set(f.times).size !== f.times.length) out.push('patrol.plan.problems.timesTwice')
  }
  if ((f.scheduleKind === 'interval' || f.scheduleKind === 'times') && !f.weekdays.length) out.push('patrol.plan.problems.weekdays')
  if (f.quotaPer === 'shift' && (!f.shifts.length || f.shifts.some((s) => !s.name.trim() || minutesOf(s.from) === null || minutesOf(s.to) === null))) out.push('patrol.plan.problems.shifts')
  return out
}

/** A refused save in one line: the server's message and the fields it named. */
export function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  const fields = Object.entries(error.details).map(([field, what]) => `${field}: ${what}`)
  return fields.length ? `${error.message} (${fields.join('; ')})` : error.message
}

export const kindName = (kind: string) => i18n.global.t(`patrol.kinds.${kind}`)
