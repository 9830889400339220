import type { CampaignBody, CampaignPhase, CampaignTemplate } from '@/api/campaigns'

export interface CampaignForm {
  name: string
  goal: string
  /** One slogan a line. */
  slogans: string
  startDay: string
  endDay: string
  companyWide: boolean
  projectIds: number[]
  phases: CampaignPhase[]
}

export function emptyCampaignForm(companyWide: boolean): CampaignForm {
  return { name: '', goal: '', slogans: '', startDay: '', endDay: '', companyWide, projectIds: [], phases: [] }
}

/** The form filled from a template: its name, dates and phases. */
export function fromTemplate(form: CampaignForm, template: CampaignTemplate): CampaignForm {
  return {
    ...form,
    name: form.name || template.name,
    startDay: template.startDay,
    endDay: template.endDay,
    phases: template.phases.map((p) => ({ name: p.name, startDay: p.startDay, endDay: p.endDay })),
  }
}

export function campaignPayload(form: CampaignForm): CampaignBody {
  return {
    name: form.name.trim(),
    goal: form.goal.trim(),
    slogans: form.slogans.split('\n').map((s) => s.trim()).filter(Boolean),
    startDay: form.startDay,
    endDay: form.endDay,
    companyWide: form.companyWide,
    projectIds: form.companyWide ? [] : form.projectIds,
    phases: form.phases.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), startDay: p.startDay, endDay: p.endDay, note: p.note ?? '' })),
  }
}
