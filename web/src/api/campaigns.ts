import { cleanParams, http } from './http'
import type { Page } from './types'

// ---- 专项活动: campaigns with dated phases and an action plan of tasks per team (I6) -------------------

export type PhaseState = 'upcoming' | 'current' | 'done'
export type CampaignState = 'planned' | 'running' | 'finished'

export interface CampaignPhase {
  id?: number
  name: string
  startDay: string
  endDay: string
  note?: string
  state?: PhaseState
}

export interface CampaignTask {
  id: number
  campaignId: number
  projectId: number
  projectName: string
  team: { id: number; name: string } | null
  phaseId: number | null
  phaseName: string
  title: string
  detail: string
  owner: { staffId: number; name: string }
  deadline: string
  status: 'open' | 'done'
  overdue: boolean
  evidence: string
  doneAt: string | null
  doneBy: { userId: number; name: string } | null
}

export interface Campaign {
  id: number
  name: string
  goal: string
  slogans: string[]
  startDay: string
  endDay: string
  companyWide: boolean
  projects: { id: number; name: string }[]
  today: string
  state: CampaignState
  currentPhase: CampaignPhase | null
  progress: { done: number; total: number; percent: number }
  overdueTasks: number
  phaseCount?: number
  phases?: CampaignPhase[]
  tasks?: CampaignTask[]
}

export interface CampaignBody {
  name: string
  goal?: string
  slogans?: string[]
  startDay: string
  endDay: string
  companyWide: boolean
  projectIds?: number[]
  phases: CampaignPhase[]
}

export interface CampaignTaskBody {
  title: string
  detail?: string
  ownerStaffId: number
  teamId?: number | null
  phaseId?: number | null
  deadline: string
}

export interface CampaignTemplate {
  code: string
  name: string
  source: string
  startDay: string
  endDay: string
  phases: CampaignPhase[]
}

export const campaignApi = {
  list: (query: { state?: CampaignState; projectId?: number; page?: number; pageSize?: number } = {}) =>
    http.get<Page<Campaign>>('/campaigns', { params: cleanParams(query) }).then((r) => r.data),
  get: (id: number) => http.get<Campaign>(`/campaigns/${id}`).then((r) => r.data),
  templates: (year?: number) =>
    http.get<Page<CampaignTemplate>>('/campaign-templates', { params: cleanParams({ year }) }).then((r) => r.data),
  /** The forms show field errors themselves. */
  create: (body: CampaignBody) => http.post<Campaign>('/campaigns', body, { silent: true }).then((r) => r.data),
  update: (id: number, body: CampaignBody) => http.put<Campaign>(`/campaigns/${id}`, body, { silent: true }).then((r) => r.data),
  addTask: (id: number, body: CampaignTaskBody) =>
    http.post<CampaignTask>(`/campaigns/${id}/tasks`, body, { silent: true }).then((r) => r.data),
  updateTask: (id: number, body: Partial<CampaignTaskBody>) =>
    http.patch<CampaignTask>(`/campaign-tasks/${id}`, body, { silent: true }).then((r) => r.data),
  complete: (id: number, evidence: string) =>
    http.post<CampaignTask>(`/campaign-tasks/${id}/complete`, { evidence }, { silent: true }).then((r) => r.data),
  reopen: (id: number, reason = '') => http.post<CampaignTask>(`/campaign-tasks/${id}/reopen`, { reason }).then((r) => r.data),
}
