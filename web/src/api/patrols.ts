import { cleanParams, http } from './http'
import type { Page, PageQuery } from './types'
import type { AssigneeKind, CheckpointKind, LimitPeriod, Placement, ScheduleKind, SlotState } from '@/constants/patrols'

// ---- 巡检与读数: checkpoints, check plans and their slots, checks, coverage, readings and alarms
// (DOMAIN P1-P4, docs/patrols.md) -------------------------------------------------------------

export * from '@/constants/patrols'

export interface PatrolLimit {
  metricId: number
  metricCode?: string
  period: LimitPeriod
  low: number | null
  high: number | null
}

export interface PatrolCheckpoint {
  id: number
  projectId: number
  projectName: string
  code: string
  name: string
  kind: CheckpointKind
  place: string
  opensAt: string | null
  closesAt: string | null
  active: boolean
  /** A facility stopped by an open alarm. */
  stopped: boolean
  qr: string
  limits?: PatrolLimit[]
}

export interface CheckpointBody {
  projectId: number
  code: string
  name: string
  kind: CheckpointKind
  place: string
  opensAt: string | null
  closesAt: string | null
  active: boolean
}

export interface PatrolMetric {
  id: number
  code: string
  name: string
  unit: string
  decimals: number
  builtin: boolean
}

export interface TimeWindow {
  from: string
  to: string
}

export interface PatrolSchedule {
  kind: ScheduleKind
  everyMinutes?: number
  windows?: TimeWindow[]
  times?: string[]
  slotMinutes?: number
  weekdays?: number[]
  weekday?: number
  day?: number
  from?: string
  to?: string
}

export interface PatrolAssignee {
  kind: AssigneeKind
  role?: string
  teamId?: number
  userId?: number
  /** Read only: the role's, team's or person's name. */
  name?: string
}

export interface PatrolQuota {
  per: 'day' | 'shift'
  count: number
  shifts?: { name: string; from: string; to: string }[]
}

export interface PlanItem {
  id?: number
  label: string
  kind: 'check' | 'reading'
  metricId?: number | null
  metric?: PatrolMetric | null
}

export interface PatrolPlan {
  id: number
  projectId: number
  projectName: string
  name: string
  assignee: PatrolAssignee
  schedule: PatrolSchedule
  graceMinutes: number
  checkpoints: { id: number; code: string; name: string; place: string }[]
  items: PlanItem[]
  quota: PatrolQuota | null
  active: boolean
  /** When it starts to be due: its creation, or midnight of the day it was given (startsOn). */
  startsAt: string
}

export interface PlanBody {
  projectId: number
  name: string
  assignee: PatrolAssignee
  schedule: PatrolSchedule
  graceMinutes: number
  checkpointIds: number[]
  items: { id?: number; label: string; kind: 'check' | 'reading'; metricId?: number }[]
  quota: PatrolQuota | null
  active: boolean
  /** The local day it starts on (absent: from its creation, or as it was). */
  startsOn?: string
}

export interface PatrolSlot {
  planId: number
  planName: string
  checkpointId: number
  checkpointCode: string
  checkpointName: string
  date: string
  start: string
  end: string
  graceEnd: string
  state: SlotState
  checkId: number | null
  doneBy: string | null
}

export interface CheckResultBody {
  itemId: number
  ok?: boolean
  value?: number
  note?: string
  photoIds?: number[]
}

export interface CheckBody {
  clientId: string
  planId: number
  checkpointId: number
  madeAt: string
  note?: string
  results: CheckResultBody[]
}

export interface CheckResult {
  itemId: number
  label: string
  kind: 'check' | 'reading'
  ok: boolean | null
  value: number | null
  unit: string
  withinLimits: boolean | null
  low: number | null
  high: number | null
  note: string
  photoIds: number[]
  workOrderId: number | null
  alarmId: number | null
  /** The rectification this not-ok item became (not that of an alarm its reading raised). */
  rectificationId: number | null
}

export interface PatrolCheck {
  id: number
  clientId: string
  projectId: number
  planId: number
  planName: string
  checkpointId: number
  checkpointName: string
  place: string
  madeAt: string
  receivedAt: string
  lateArrival: boolean
  slotStart: string | null
  slotEnd: string | null
  placement: Placement
  madeBy: { userId: number | null; name: string }
  note: string
  notOk: number
  results: CheckResult[]
}

export interface CheckAnswer {
  duplicate: boolean
  check: PatrolCheck
  alarmsRaised: number[]
  alarmsClosed: number[]
}

export interface CheckIn {
  checkpoint: PatrolCheckpoint
  plans: PatrolPlan[]
  due: PatrolSlot[]
}

export interface Coverage {
  due: number
  done: number
  late: number
  missed: number
  /** done / due in percent with two decimals; null when nothing was due. */
  coverage: number | null
  /** Open or in grace: reported, not counted. */
  pending: number
  /** Marked not needed by a supervisor (and not checked anyway): neither due nor missed. */
  notNeeded: number
}

/** A slot, or every slot of a day, of a plan marked as not needed. */
export interface NotNeeded {
  id: number
  projectId: number
  planId: number
  planName: string
  date: string
  /** null: every slot of the day. */
  slotStart: string | null
  /** null: every checkpoint of the plan. */
  checkpointId: number | null
  checkpointName: string | null
  reason: string
  by: string
  at: string
}

export interface NotNeededBody {
  date: string
  /** HH:MM, the start of one of the day's slots; absent: the whole day. */
  slotStart?: string
  checkpointId?: number
  reason: string
}

/** The patrol part of the project dashboard. */
export interface PatrolDashboard {
  coverage: Record<'today' | 'days7' | 'days30', Coverage & { from: string; to: string }>
  byPlan: (Record<'today' | 'days7' | 'days30', Coverage> & { planId: number; planName: string })[]
  openAlarms: {
    count: number
    latest: { id: number; checkpointName: string; metricName: string; unit: string; value: number; raisedAt: string; treated: boolean }[]
  }
}

export interface CoverageReport {
  from: string
  to: string
  totals: Coverage
  byPlan: (Coverage & { planId: number; planName: string })[]
  byCheckpoint: (Coverage & { checkpointId: number; checkpointName: string })[]
  byDay: (Coverage & { date: string })[]
  byPlanDay: (Coverage & { planId: number; date: string })[]
  byPerson: (Coverage & { userId: number; name: string })[]
}

export interface Reading {
  id: number
  checkId: number
  madeAt: string
  value: number
  period: LimitPeriod
  low: number | null
  high: number | null
  withinLimits: boolean
  alarmId: number | null
  madeBy: string
}

export interface ReadingSeries {
  metric: PatrolMetric
  limits: PatrolLimit[]
  items: Reading[]
}

export interface PatrolAlarm {
  id: number
  projectId: number
  checkpointId: number
  checkpointName: string
  metric: PatrolMetric
  status: 'open' | 'closed'
  value: number
  low: number | null
  high: number | null
  raisedAt: string
  raisedBy: string
  checkId: number
  closedAt: string | null
  workOrderId: number | null
  /** The rectification it became (POST /patrol-alarms/{id}/rectification), if any. */
  rectificationId: number | null
  treatments: { id: number; note: string; at: string; by: string }[]
  readings?: { id: number; madeAt: string; value: number; withinLimits: boolean }[]
}

export interface Shortfall {
  planId: number
  planName: string
  checkpointId: number
  checkpointName: string
  date: string
  shift: string | null
  from: string
  to: string
  required: number
  made: number
}

export interface Label {
  checkpointId: number
  code: string
  name: string
  place: string
  qr: string
}

export interface FindingBody {
  category: string
  priority?: string
  title?: string
  description?: string
}

export interface CheckQuery {
  projectId?: number
  planId?: number
  checkpointId?: number
  from?: string
  to?: string
  notOk?: boolean
  page?: number
  pageSize?: number
}

export interface RangeQuery {
  projectId: number
  from: string
  to: string
  planId?: number
}

export const patrolApi = {
  checkpoints: (query: { projectId?: number; kind?: string; q?: string } = {}) =>
    http.get<{ items: PatrolCheckpoint[] }>('/patrol-checkpoints', { params: cleanParams(query) }).then((r) => r.data.items),
  checkpoint: (id: number) => http.get<PatrolCheckpoint>(`/patrol-checkpoints/${id}`).then((r) => r.data),
  /** The dialogs show field errors themselves. */
  createCheckpoint: (body: CheckpointBody) =>
    http.post<PatrolCheckpoint>('/patrol-checkpoints', body, { silent: true }).then((r) => r.data),
  updateCheckpoint: (id: number, body: CheckpointBody) =>
    http.put<PatrolCheckpoint>(`/patrol-checkpoints/${id}`, body, { silent: true }).then((r) => r.data),
  setLimits: (id: number, items: PatrolLimit[]) =>
    http.put<PatrolCheckpoint>(`/patrol-checkpoints/${id}/limits`, { items }, { silent: true }).then((r) => r.data),
  /** Check-in by a scanned QR text or a typed code; the page shows "not found" itself. */
  byCode: (code: string, projectId?: number) =>
    http
      .get<CheckIn>(`/patrol-checkpoints/by-code/${encodeURIComponent(code)}`, { params: cleanParams({ projectId }), silent: true })
      .then((r) => r.data),
  labels: (projectId: number) =>
    http.get<{ projectId: number; projectName: string; items: Label[] }>('/patrol-labels', { params: { projectId } }).then((r) => r.data),
  metrics: () => http.get<{ items: PatrolMetric[] }>('/patrol-metrics').then((r) => r.data.items),
  createMetric: (body: { code: string; name: string; unit: string; decimals: number }) =>
    http.post<PatrolMetric>('/patrol-metrics', body, { silent: true }).then((r) => r.data),
  plans: (query: { projectId?: number; active?: boolean } = {}) =>
    http.get<{ items: PatrolPlan[] }>('/patrol-plans', { params: cleanParams(query) }).then((r) => r.data.items),
  plan: (id: number) => http.get<PatrolPlan>(`/patrol-plans/${id}`).then((r) => r.data),
  createPlan: (body: PlanBody) => http.post<PatrolPlan>('/patrol-plans', body, { silent: true }).then((r) => r.data),
  updatePlan: (id: number, body: PlanBody) =>
    http.put<PatrolPlan>(`/patrol-plans/${id}`, body, { silent: true }).then((r) => r.data),
  planSlots: (id: number, date: string) =>
    http.get<{ date: string; items: PatrolSlot[] }>(`/patrol-plans/${id}/slots`, { params: { date } }).then((r) => r.data.items),
  due: () => http.get<{ now: string; items: PatrolSlot[] }>('/patrol-due').then((r) => r.data),
  checks: (query: CheckQuery) =>
    http.get<Page<PatrolCheck>>('/patrol-checks', { params: cleanParams(query) }).then((r) => r.data),
  check: (id: number) => http.get<PatrolCheck>(`/patrol-checks/${id}`).then((r) => r.data),
  /** Sent by the offline queue, which handles every error itself. */
  record: (body: CheckBody) => http.post<CheckAnswer>('/patrol-checks', body, { silent: true }).then((r) => r.data),
  checkToWorkOrder: (checkId: number, body: FindingBody & { itemId: number }) =>
    http.post<{ id: number; number?: string }>(`/patrol-checks/${checkId}/work-order`, body).then((r) => r.data),
  coverage: (query: RangeQuery) =>
    http.get<CoverageReport>('/patrol-coverage', { params: cleanParams(query) }).then((r) => r.data),
  missed: (query: RangeQuery) =>
    http.get<{ items: PatrolSlot[] }>('/patrol-missed', { params: cleanParams(query) }).then((r) => r.data.items),
  /** The dialog shows field errors itself. */
  markNotNeeded: (planId: number, body: NotNeededBody) =>
    http.post<NotNeeded>(`/patrol-plans/${planId}/not-needed`, body, { silent: true }).then((r) => r.data),
  notNeeded: (query: RangeQuery) =>
    http.get<{ items: NotNeeded[] }>('/patrol-not-needed', { params: cleanParams(query) }).then((r) => r.data.items),
  removeNotNeeded: (id: number) => http.delete(`/patrol-not-needed/${id}`).then(() => undefined),
  readings: (query: { checkpointId: number; metricId: number; from: string; to: string }) =>
    http.get<ReadingSeries>('/patrol-readings', { params: query }).then((r) => r.data),
  /** A page of alarms, newest first (20 unless pageSize says otherwise), with the total. */
  alarms: (query: PageQuery & { projectId?: number; status?: 'open' | 'closed'; checkpointId?: number } = {}) =>
    http.get<Page<PatrolAlarm>>('/patrol-alarms', { params: cleanParams(query) }).then((r) => r.data),
  alarm: (id: number) => http.get<PatrolAlarm>(`/patrol-alarms/${id}`).then((r) => r.data),
  treat: (id: number, note: string) =>
    http.post<PatrolAlarm>(`/patrol-alarms/${id}/treatments`, { note }).then((r) => r.data),
  alarmToWorkOrder: (id: number, body: FindingBody) =>
    http.post<{ id: number; number?: string }>(`/patrol-alarms/${id}/work-order`, body).then((r) => r.data),
  /** A photo of a round, uploaded before the check that names it (the raw image as the body). */
  uploadPhoto: (projectId: number, file: Blob) =>
    http
      .post<{ id: number; url: string }>('/patrol-photos', file, { params: { projectId }, headers: { 'Content-Type': file.type }, silent: true })
      .then((r) => r.data),
  shortfalls: (query: RangeQuery) =>
    http.get<{ items: Shortfall[] }>('/patrol-shortfalls', { params: cleanParams(query) }).then((r) => r.data.items),
}
