import type {
  Grade,
  InspectionKind,
  InspectionMethod,
  InspectionStatus,
  Outcome,
  Position,
  RectificationStatus,
  RuleKind,
  TargetKind,
} from '@/constants/inspections'
import { cleanParams, http } from './http'
import type { Page, PageQuery } from './types'

export * from '@/constants/inspections'

// Points travel as JSON numbers with at most two decimals (92.5), weights as percent, money in yuan.

// ---- rubrics (评分细则) ---------------------------------------------------------------------------

export interface RubricItem {
  id?: number
  code: string
  name: string
  /** The standard and what to check, as the rubric states them. */
  standard: string
  max: number
  rule: RuleKind
  /** range: how many check points the standard lists, and the amount per missing one. */
  checkPoints?: number
  deductMin?: number
  deductMax?: number
  /** per_occurrence: the amount per occurrence. */
  deductEach?: number
}

export interface RubricSection {
  id?: number
  name: string
  max?: number
  items: RubricItem[]
}

export interface RubricSummary {
  id: number
  code: string
  version: number
  name: string
  source: string
  max: number
  builtIn: boolean
  latest: boolean
  used: boolean
  itemCount: number
}

export interface Rubric extends RubricSummary {
  sections: RubricSection[]
}

export interface RubricPayload {
  code?: string
  name: string
  source: string
  sections: RubricSection[]
}

export const rubricApi = {
  list: (code?: string) =>
    http.get<Page<RubricSummary>>('/rubrics', { params: cleanParams({ code }) }).then((r) => r.data),
  get: (id: number) => http.get<Rubric>(`/rubrics/${id}`).then((r) => r.data),
  create: (body: RubricPayload) => http.post<Rubric>('/rubrics', body).then((r) => r.data),
  update: (id: number, body: RubricPayload) => http.put<Rubric>(`/rubrics/${id}`, body).then((r) => r.data),
}

// ---- schemes (检查方案) ---------------------------------------------------------------------------

export interface SchemeRubric {
  code: string
  /** Percent. */
  weight: number
  rubricId?: number
  name?: string
  version?: number
  max?: number
}

export interface Scheme {
  id: number
  name: string
  active: boolean
  rubrics: SchemeRubric[]
}

export interface SchemePayload {
  name: string
  active: boolean
  rubrics: { code: string; weight: number }[]
}

export const schemeApi = {
  list: () => http.get<Page<Scheme>>('/inspection-schemes').then((r) => r.data),
  create: (body: SchemePayload) => http.post<Scheme>('/inspection-schemes', body).then((r) => r.data),
  update: (id: number, body: SchemePayload) => http.put<Scheme>(`/inspection-schemes/${id}`, body).then((r) => r.data),
}

// ---- settings: grades and the reward/penalty table ------------------------------------------------

export interface RewardRule {
  outcome: Outcome
  position: Position
  /** Yuan; negative is a penalty. */
  amount: number
}

export interface InspectionSettings {
  failBelow: number
  excellentAbove: number
  bonusFrom: number
  recurrenceDays: number
  rewards: RewardRule[]
}

export const inspectionSettingsApi = {
  get: () => http.get<InspectionSettings>('/inspection-settings').then((r) => r.data),
  save: (body: InspectionSettings) => http.put<InspectionSettings>('/inspection-settings', body).then((r) => r.data),
}

// ---- inspections -----------------------------------------------------------------------------------

export interface Deduction {
  id: number
  amounts: number[]
  occurrences: number
  failed: boolean
  deducted: number
  note: string
  recurring: boolean
  rectificationId: number | null
  /** Photos of the finding, oldest first (absent from servers without deduction photos). */
  photos?: InspectionPhoto[]
}

export interface InspectionPhoto {
  id: number
  inspectionId: number
  deductionId: number | null
  contentType: string
  size: number
  /** `/api/v1/inspection-photos/{id}`: the session cookie lets an <img> load it. */
  url: string
  uploadedBy: string
  createdAt: string
}

export interface ScoredItem extends RubricItem {
  id: number
  score: number
  deduction: Deduction | null
}

export interface ScoredSection {
  id: number
  name: string
  max: number
  raw: number
  score: number
  items: ScoredItem[]
}

export interface InspectionRubric {
  id: number
  code: string
  version: number
  name?: string
  weight: number
  max?: number
  raw?: number
  score: number
  sections?: ScoredSection[]
}

export interface Payment {
  staffId: number | null
  name: string
  position: Position
  outcome: Outcome
  amount: number
}

export interface Inspection {
  id: number
  projectId: number
  projectName: string
  scheme: { id: number; name: string }
  kind: InspectionKind
  target: { kind: TargetKind; id: number; name: string }
  method: InspectionMethod
  day: string
  status: InspectionStatus
  note: string
  inspectors: { userId: number; name: string }[]
  deductionCount: number
  score: number
  grade: Grade
  bonus: boolean
  rubrics: InspectionRubric[]
  payments: Payment[]
  submittedAt: string | null
  createdAt: string
}

export interface InspectionQuery extends PageQuery {
  projectId?: number
  status?: InspectionStatus
  from?: string
  to?: string
}

export interface InspectionPayload {
  schemeId: number
  kind: InspectionKind
  targetKind: TargetKind
  targetId: number
  method: InspectionMethod
  day: string
  inspectorIds?: number[]
  note: string
}

export interface DeductionPayload {
  itemId: number
  amounts?: number[]
  occurrences?: number
  failed?: boolean
  note: string
  photoIds?: number[]
}

export const inspectionApi = {
  list: (query: InspectionQuery) =>
    http.get<Page<Inspection>>('/inspections', { params: cleanParams(query) }).then((r) => r.data),
  get: (id: number) => http.get<Inspection>(`/inspections/${id}`).then((r) => r.data),
  create: (body: InspectionPayload) => http.post<Inspection>('/inspections', body).then((r) => r.data),
  deduct: (id: number, body: DeductionPayload) =>
    http.post<Inspection>(`/inspections/${id}/deductions`, body).then((r) => r.data),
  submit: (id: number) => http.post<Inspection>(`/inspections/${id}/submit`, {}).then((r) => r.data),
  /** Takes a deduction back while the inspection is open. */
  removeDeduction: (id: number, deductionId: number) =>
    http.delete<Inspection>(`/inspections/${id}/deductions/${deductionId}`).then((r) => r.data),
  /** A photo of a finding, the raw image as the body; name it in a deduction's photoIds afterwards. */
  uploadPhoto: (id: number, file: Blob) =>
    http
      .post<InspectionPhoto>(`/inspections/${id}/photos`, file, { headers: { 'Content-Type': file.type }, silent: true })
      .then((r) => r.data),
  /** The rewards and penalties as a payroll file; a plain link, the session cookie authorises it. */
  paymentsExportUrl: (id: number, format: 'xlsx' | 'csv') => `/api/v1/inspections/${id}/payments/export?format=${format}`,
}

// ---- rectifications (整改) -----------------------------------------------------------------------

/** Where a rectification came from: a deduction of an inspection, or a not-ok item of a patrol check. */
export type RectificationSource = 'inspection' | 'patrol'

export interface RectificationPhoto {
  id: number
  role: 'finding' | 'evidence'
  contentType: string
  size: number
  url: string
  uploadedBy: string
  createdAt: string
}

export interface Rectification {
  id: number
  source: RectificationSource
  projectId: number
  projectName: string
  inspectionId: number | null
  inspectionDay: string | null
  target: { kind: TargetKind | 'checkpoint'; name: string }
  deductionId: number | null
  item: { code: string; name: string }
  deducted: number | null
  finding: string
  /** The patrol finding's check and checkpoint (source patrol), else null. */
  patrol: {
    checkId: number
    resultId: number
    checkpointId: number
    checkpointCode: string
    checkpointName: string
    place: string
    checkedAt: string
    checkedBy: string
    /** Set when the rectification was made of an alarm (the check is the one that raised it). */
    alarmId: number | null
  } | null
  requirement: string
  responsible: { staffId: number; name: string }
  deadline: string
  dueAt: string
  status: RectificationStatus
  overdue: boolean
  recurring: boolean
  evidence: string
  /** Photos of the finding (carried over from a patrol item). */
  photos: RectificationPhoto[]
  /** The photos the completion named as its evidence. */
  evidencePhotos: RectificationPhoto[]
  doneAt: string | null
  verifiedAt: string | null
  rejectReason: string
  createdAt: string
}

export interface RectificationQuery extends PageQuery {
  projectId?: number
  inspectionId?: number
  status?: RectificationStatus
  overdue?: boolean
  /** Only those the user is responsible for. */
  mine?: boolean
  source?: RectificationSource
}

export interface RectificationPayload {
  deductionId: number
  responsibleStaffId: number
  deadline: string
  requirement: string
}

/** Who puts a patrol finding right, by when, and what is required. */
export interface PatrolRectificationAssignment {
  responsibleStaffId: number
  deadline: string
  requirement: string
}

export interface PatrolRectificationPayload extends PatrolRectificationAssignment {
  itemId: number
}

export const rectificationApi = {
  list: (query: RectificationQuery) =>
    http.get<Page<Rectification>>('/rectifications', { params: cleanParams(query) }).then((r) => r.data),
  create: (body: RectificationPayload) => http.post<Rectification>('/rectifications', body).then((r) => r.data),
  /** A not-ok item of a patrol check as a rectification, in one step (409 the second time). */
  fromPatrol: (checkId: number, body: PatrolRectificationPayload) =>
    http.post<Rectification>(`/patrol-checks/${checkId}/rectification`, body).then((r) => r.data),
  /** A reading alarm as a rectification, in one step (409 the second time). */
  fromAlarm: (alarmId: number, body: PatrolRectificationAssignment) =>
    http.post<Rectification>(`/patrol-alarms/${alarmId}/rectification`, body).then((r) => r.data),
  /** An evidence photo, uploaded before completing; its id goes into the completion's photoIds. */
  uploadPhoto: (id: number, file: Blob) =>
    http
      .post<RectificationPhoto>(`/rectifications/${id}/photos`, file, { headers: { 'Content-Type': file.type }, silent: true })
      .then((r) => r.data),
  complete: (id: number, evidence: string, photoIds?: number[]) =>
    http.post<Rectification>(`/rectifications/${id}/complete`, photoIds ? { evidence, photoIds } : { evidence }).then((r) => r.data),
  verify: (id: number) => http.post<Rectification>(`/rectifications/${id}/verify`, {}).then((r) => r.data),
  reject: (id: number, reason: string) =>
    http.post<Rectification>(`/rectifications/${id}/reject`, { reason }).then((r) => r.data),
}

// ---- rankings (评比) -----------------------------------------------------------------------------

export interface RankingRow {
  rank: number
  projectId: number
  projectName: string
  /** Rankings by zone: the zone's id and name (its project in projectName). */
  zoneId?: number
  zoneName?: string
  score: number
  inspections: number
  previousRank: number | null
  previousScore: number | null
  change: number | null
  /** Positive: moved up. */
  rankChange: number | null
}

export interface Rankings {
  from: string
  to: string
  previousFrom: string
  previousTo: string
  items: RankingRow[]
}

export const rankingApi = {
  get: (query: { from: string; to: string; schemeId?: number; by?: 'project' | 'zone' }) =>
    http.get<Rankings>('/inspection-rankings', { params: cleanParams(query) }).then((r) => r.data),
}
