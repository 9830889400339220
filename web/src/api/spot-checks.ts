import { cleanParams, http } from './http'
import type { Page } from './types'

// ---- 员工抽查: spot checks of one person with a small rubric, the daily quota, the monthly score (I7) --

export type SpotCheckKindCode = 'phone' | 'morning_bi' | 'front_desk' | (string & {})
export type Grade = 'fail' | 'good' | 'excellent'

export interface SpotRubricItem {
  id: number
  code: string
  name: string
  standard: string
  max: number
  rule: 'range' | 'per_occurrence' | 'all_or_nothing'
  checkPoints?: number
  deductMin?: number
  deductMax?: number
  deductEach?: number
}

export interface SpotCheckKind {
  code: SpotCheckKindCode
  name: string
  nameEn: string
  rubricCode: string
  dailyQuota: number
  rubric: {
    id: number
    code: string
    version: number
    name: string
    source: string
    max: number
    itemCount: number
    sections: { id: number; name: string; max: number; items: SpotRubricItem[] }[]
  } | null
}

export interface SpotDeductionBody {
  itemId: number
  failed?: boolean
  amounts?: number[]
  occurrences?: number
  note?: string
}

export interface SpotCheckBody {
  staffId: number
  kind: SpotCheckKindCode
  checkedAt?: string
  note?: string
  deductions: SpotDeductionBody[]
}

export interface SpotCheck {
  id: number
  projectId: number
  projectName: string
  staff: { id: number; name: string; role: string; team: string }
  kind: SpotCheckKindCode
  kindName: string
  rubric: { id: number; code: string; version: number; name: string }
  checkedAt: string
  day: string
  raw: number
  max: number
  score: number
  deducted: number
  grade: Grade
  note: string
  checkedBy: { userId: number | null; name: string }
  createdAt: string
  deductions?: { itemId: number; code: string; name: string; failed: boolean; deducted: number; note: string }[]
}

export interface SpotQuota {
  projectId: number
  day: string
  met: boolean
  kinds: { kind: SpotCheckKindCode; name: string; quota: number; done: number; met: boolean }[]
}

export interface MonthlyScoreRow {
  staffId: number
  name: string
  role: string
  team: string
  checks: number
  byKind: Record<string, number>
  score: number | null
  grade: Grade | null
  lowest: number | null
}

export interface MonthlyScores {
  projectId: number
  month: string
  today: string
  items: MonthlyScoreRow[]
  quota: { kind: SpotCheckKindCode; name: string; dailyQuota: number; days: number; daysMet: number; checks: number }[]
}

export interface SpotCheckQuery {
  projectId?: number
  staffId?: number
  kind?: string
  day?: string
  month?: string
  page?: number
  pageSize?: number
}

export const spotCheckApi = {
  kinds: () => http.get<Page<SpotCheckKind>>('/spot-check-kinds').then((r) => r.data),
  setQuota: (code: string, dailyQuota: number) =>
    http.put<SpotCheckKind>(`/spot-check-kinds/${code}`, { dailyQuota }).then((r) => r.data),
  list: (query: SpotCheckQuery) =>
    http.get<Page<SpotCheck>>('/spot-checks', { params: cleanParams(query) }).then((r) => r.data),
  get: (id: number) => http.get<SpotCheck>(`/spot-checks/${id}`).then((r) => r.data),
  /** The form shows field errors itself. */
  create: (body: SpotCheckBody) => http.post<SpotCheck>('/spot-checks', body, { silent: true }).then((r) => r.data),
  quota: (projectId: number, day?: string) =>
    http.get<SpotQuota>('/spot-check-quota', { params: cleanParams({ projectId, day }) }).then((r) => r.data),
  monthly: (projectId: number, month?: string) =>
    http.get<MonthlyScores>('/spot-check-scores', { params: cleanParams({ projectId, month }) }).then((r) => r.data),
  /** The monthly scores as a spreadsheet; a plain link, the session cookie authorises it. */
  monthlyExportUrl: (projectId: number, month: string, format: 'xlsx' | 'csv') =>
    `/api/v1/spot-check-scores/export?projectId=${projectId}&month=${encodeURIComponent(month)}&format=${format}`,
}
