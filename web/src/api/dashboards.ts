import { cleanParams, http } from './http'
import type { PatrolDashboard } from './patrols'

// Targets and dashboards (issue 6): every figure is a numerator over a denominator for a month.

export type TargetCode =
  | 'satisfaction'
  | 'handover_24h'
  | 'return_visit'
  | 'customers_called'
  | 'handled_12h'
  | 'valid_complaints_handled'
  | 'inspection_score'
export type Colour = 'green' | 'amber' | 'red' | 'none'

export interface Target {
  code: TargetCode
  name: string
  nameEn: string
  unit: 'percent' | 'points'
  target: number
  amberMargin: number
}

export interface Figure {
  numerator: number
  denominator: number
  /** Percent (85.71) or mean points; null when there is nothing to measure. */
  value: number | null
  colour: Colour
  overdueOpen?: number
}

export interface Card extends Target, Figure {
  month: string
  trend: (Figure & { month: string })[]
  link: { path: string; query: Record<string, string> }
}

export interface OverdueOrder {
  id: number
  code: string
  kind: string
  category: string
  status: string
  title: string
  dueAt: string
  lateBySeconds: number
}

export interface ProjectDashboard {
  project: { id: number; code: string; name: string; regionName: string; customers: number }
  month: string
  asOf: string
  cards: Card[]
  openOrders: {
    total: number
    byStatus: Record<string, number>
    byClock: { overdue: number; dueSoon: number; onTrack: number; noRunningClock: number }
  }
  overdue: OverdueOrder[]
  complaintsByCategory: {
    month: string
    total: number
    items: { category: string; name: string; nameEn: string; count: number; share: number; cumulativeShare: number }[]
  }
  quality: {
    inspections: { id: number; day: string; score: number; grade: string; target: string }[]
    rectifications: { open: number; overdue: number }
  }
  /** Patrol coverage and open alarms (docs/patrols.md, "Dashboard"). */
  patrols: PatrolDashboard
}

export interface CompanyRow {
  rank: number
  id: number
  code: string
  name: string
  regionName: string
  green: number
  red: number
  cells: Record<TargetCode, Figure>
}

export interface CompanyDashboard {
  month: string
  targets: Target[]
  items: CompanyRow[]
  total: number
}

export const dashboardApi = {
  project: (id: number, month?: string) =>
    http.get<ProjectDashboard>(`/dashboards/projects/${id}`, { params: cleanParams({ month }) }).then((r) => r.data),
  company: (query: { regionId?: number; month?: string } = {}) =>
    http.get<CompanyDashboard>('/dashboards/company', { params: cleanParams(query) }).then((r) => r.data),
  targets: () => http.get<{ items: Target[] }>('/targets').then((r) => r.data.items),
  updateTarget: (code: TargetCode, body: { target?: number; amberMargin?: number }) =>
    http.patch<Target>(`/targets/${code}`, body).then((r) => r.data),
}

export { colourType, formatFigure } from '@/utils/dashboard'
