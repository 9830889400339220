import { cleanParams, http } from './http'
import type { Figure, Target } from './dashboards'

// The analyses (W9, issue 6): monthly complaint analysis, return-visit report, quarterly statistics.
// docs/dashboards.md "Analyses" defines every figure.

export interface TargetFigure extends Figure {
  target: number
}

export interface ComplaintAnalysis {
  project: { id: number; code: string; name: string; regionName: string }
  month: string
  asOf: string
  households: number
  volume: number
  ratePer100: number | null
  categories: {
    category: string
    name: string
    nameEn: string
    count: number
    share: number | null
    previousTotal: number
    average3m: number
    warning: boolean
  }[]
  warnings: { category: string; name: string; nameEn: string; count: number; average3m: number }[]
  rootCauses: { rootCause: string; count: number; orders: string[] }[]
  rootCauseUnrecorded: number
  validity: { valid: number; invalid: number; undecided: number }
  handover24h: TargetFigure
  validHandled: TargetFigure
  repeatComplainants: { customerId: number; name: string; phone: string; unit: string; count: number; orders: string[] }[]
  contactMasked: boolean
  overdue: {
    id: number
    code: string
    category: string
    categoryName: string
    title: string
    status: string
    responsibleDepartment: string
    lateClocks: { clock: string; dueAt: string; doneAt: string | null; lateBySeconds: number }[]
    rootCause: string
    checkRootCause: string
    checkNextStep: string
    checkNote: string
  }[]
}

export interface VisitItem {
  id: number
  code: string
  title: string
  category: string
  status: string
  technician: string
  completedAt: string
  visitDueAt: string | null
  visitedAt: string | null
  visit: 'on_time' | 'late' | 'overdue' | 'pending'
  satisfaction: string | null
  comment: string
  reworks: { id: number; code: string; status: string }[]
  lateBySeconds?: number
}

export interface VisitReport {
  project: { id: number; code: string; name: string; regionName: string }
  month: string
  asOf: string
  completed: number
  visited: number
  visitedOnTime: number
  visitedLate: number
  overdue: number
  pending: number
  visitRate: TargetFigure
  onTimeRate: TargetFigure
  satisfied: number
  neutral: number
  dissatisfiedCount: number
  satisfaction: TargetFigure
  dissatisfied: VisitItem[]
  overdueVisits: VisitItem[]
  items: VisitItem[]
}

export interface QuarterColumn {
  orders: number
  byKind: Record<string, number>
  complaints: number
  rework: number
  targets: Record<string, TargetFigure>
}

export interface QuarterReport {
  quarter: string
  months: string[]
  scope: { kind: 'project' | 'company' | 'projects'; project?: { id: number; name: string }; projects?: number }
  asOf: string
  targetDefs: Pick<Target, 'code' | 'name' | 'nameEn' | 'unit' | 'target'>[]
  byMonth: (QuarterColumn & { month: string })[]
  total: QuarterColumn
}

export type Format = 'xlsx' | 'csv'

/** A query string without empty values. */
function qs(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.join('&')
}

export const analysisApi = {
  complaints: (projectId: number, month?: string) =>
    http.get<ComplaintAnalysis>('/analyses/complaints', { params: cleanParams({ projectId, month }) }).then((r) => r.data),
  returnVisits: (projectId: number, month?: string) =>
    http.get<VisitReport>('/analyses/return-visits', { params: cleanParams({ projectId, month }) }).then((r) => r.data),
  quarterly: (quarter?: string, projectId?: number) =>
    http.get<QuarterReport>('/analyses/quarterly', { params: cleanParams({ quarter, projectId }) }).then((r) => r.data),
  /** Export links; a plain link, the session cookie authorises it. */
  complaintsExportUrl: (projectId: number, month: string, format: Format) =>
    `/api/v1/analyses/complaints/export?${qs({ projectId, month, format })}`,
  returnVisitsExportUrl: (projectId: number, month: string, format: Format) =>
    `/api/v1/analyses/return-visits/export?${qs({ projectId, month, format })}`,
  quarterlyExportUrl: (quarter: string, projectId: number | undefined, format: Format) =>
    `/api/v1/analyses/quarterly/export?${qs({ quarter, projectId, format })}`,
}
