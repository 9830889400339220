import type { FormRules } from 'element-plus'
import type { Unit } from '@/api/org'
import type { OrderAction, Satisfaction, WorkOrder, WorkOrderPayload } from '@/api/work-orders'
import { chosen, maxLength, required } from '@/utils/rules'

// ---- the technician's steps on the phone ------------------------------------------------------------

/** One tap, no questions: take the order, say you are there, pick it up again. */
export const TAP_STEPS = ['accept', 'arrive', 'resume'] as const
/** A step that asks for a few words first. */
export const FORM_STEPS = ['complete'] as const
export type MobileStep = (typeof TAP_STEPS)[number] | (typeof FORM_STEPS)[number]

const MOBILE_STEPS: readonly OrderAction[] = [...TAP_STEPS, ...FORM_STEPS]

/** The steps of an order a technician takes on the phone, in the server's order. */
export function mobileSteps(order: Pick<WorkOrder, 'actions'>): MobileStep[] {
  return order.actions.filter((a): a is MobileStep => MOBILE_STEPS.includes(a))
}

// ---- an owner's report (报事报修) -------------------------------------------------------------------

/** An owner reports a repair or a complaint. */
export const OWNER_KINDS = ['repair', 'complaint'] as const

export interface ReportForm {
  unitId: number | null
  kind: (typeof OWNER_KINDS)[number]
  category: string
  title: string
  description: string
}

export function blankReport(units: readonly Pick<Unit, 'id'>[]): ReportForm {
  return { unitId: units.length === 1 ? units[0].id : null, kind: 'repair', category: '', title: '', description: '' }
}

export const reportRules: FormRules<ReportForm> = {
  unitId: [chosen()],
  kind: [chosen()],
  category: [chosen()],
  title: [required(), maxLength(100)],
  description: [maxLength(2000)],
}

/** The report as registered: from the app, for the owner's unit in that unit's project. */
export function reportPayload(form: ReportForm, unit: Pick<Unit, 'id' | 'projectId'>): WorkOrderPayload {
  const payload: WorkOrderPayload = {
    projectId: unit.projectId,
    kind: form.kind,
    category: form.category,
    priority: 'normal',
    channel: 'app',
    unitId: unit.id,
    title: form.title.trim(),
  }
  const description = form.description.trim()
  if (description) payload.description = description
  return payload
}

// ---- an owner's rating (评价) -----------------------------------------------------------------------

export interface RateForm {
  satisfaction: Satisfaction | undefined
  comment: string
}

/** An owner rates an order the technician completed and nobody has called back about yet. */
export const canRate = (order: Pick<WorkOrder, 'status' | 'satisfaction'>) =>
  order.status === 'completed' && !order.satisfaction

export function ratePayload(form: RateForm): { satisfaction: Satisfaction; comment?: string } {
  if (!form.satisfaction) throw new Error('a satisfaction level is required')
  const comment = form.comment.trim()
  return comment ? { satisfaction: form.satisfaction, comment } : { satisfaction: form.satisfaction }
}
