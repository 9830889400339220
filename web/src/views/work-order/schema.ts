import type { FormRules } from 'element-plus'
import type {
  OrderAction,
  Satisfaction,
  StepAction,
  StepBody,
  VisitMethod,
  WaitReason,
  WorkOrderKind,
} from '@/api/work-orders'
import { chosen, maxLength, required } from '@/utils/rules'
import { blankExtras, extrasPayload, type CompletionExtras } from './completion'

// ---- the action forms -----------------------------------------------------------------------------

/** Whom a dispatch goes to: a technician (of a team, optionally), a whole team, or a department. */
export type DispatchTarget = 'staff' | 'team' | 'department'

/** One form for every step; each step shows and sends only its own fields (actionFields). Radio groups start undefined. */
export interface ActionForm {
  target: DispatchTarget
  teamId: number | null
  staffId: number | null
  department: string
  responsibleDepartment: string
  responsiblePerson: string
  appointmentAt: Date | null
  result: string
  waitReason: WaitReason | undefined
  method: VisitMethod | undefined
  satisfaction: Satisfaction | undefined
  comment: string
  valid: boolean | undefined
  rootCause: string
  /** Why the order is cancelled, or why the repair is reworked. */
  reason: string
  note: string
  /** 完工: materials, charges and photos. */
  extras: CompletionExtras
}

export type ActionField = keyof ActionForm

export function blankActionForm(): ActionForm {
  return {
    target: 'staff',
    teamId: null,
    staffId: null,
    department: '',
    responsibleDepartment: '',
    responsiblePerson: '',
    appointmentAt: null,
    result: '',
    waitReason: undefined,
    method: 'phone',
    satisfaction: undefined,
    comment: '',
    valid: undefined,
    rootCause: '',
    reason: '',
    note: '',
    extras: blankExtras(),
  }
}

/** The form items of an action, in order; the steps without any still take a note. */
export function actionFields(action: OrderAction, kind: WorkOrderKind): ActionField[] {
  switch (action) {
    case 'dispatch':
      return ['target', 'note']
    case 'handover':
      return ['responsibleDepartment', 'responsiblePerson', 'note']
    case 'contact':
      return ['appointmentAt', 'note']
    case 'answer':
      return ['result', 'note']
    case 'complete':
      return ['result', 'extras', 'note']
    case 'wait':
      return ['waitReason', 'note']
    case 'visit':
      return ['method', 'satisfaction', 'comment']
    case 'close':
      return kind === 'complaint' ? ['valid', 'rootCause', 'note'] : ['rootCause', 'note']
    case 'cancel':
    case 'rework':
      return ['reason']
    default:
      return ['note']
  }
}

export function actionRules(action: OrderAction, form: ActionForm): FormRules<ActionForm> {
  const rules: FormRules<ActionForm> = {
    note: action === 'feedback' ? [required(), maxLength(500)] : [maxLength(500)],
    comment: [maxLength(500)],
    rootCause: [maxLength(200)],
  }
  if (action === 'dispatch') {
    if (form.target === 'staff') rules.staffId = [chosen()]
    if (form.target === 'team') rules.teamId = [chosen()]
    if (form.target === 'department') rules.department = [required(), maxLength(50)]
  }
  if (action === 'handover') rules.responsibleDepartment = [required(), maxLength(50)]
  if (action === 'answer' || action === 'complete') rules.result = [required(), maxLength(2000)]
  if (action === 'wait') rules.waitReason = [chosen()]
  if (action === 'visit') {
    rules.method = [chosen()]
    rules.satisfaction = [chosen()]
  }
  if (action === 'close') rules.valid = [chosen()]
  if (action === 'cancel') rules.reason = [required(), maxLength(200)]
  if (action === 'rework') rules.reason = [required(), maxLength(500)]
  return rules
}

/** The body of a step: its own fields, trimmed, and the note when there is one. */
export function stepPayload(action: StepAction, form: ActionForm, kind: WorkOrderKind): StepBody {
  const body: StepBody = {}
  const put = (key: string, value: string | number | boolean | null | undefined) => {
    if (value === null || value === undefined) return
    const text = typeof value === 'string' ? value.trim() : value
    if (text !== '') body[key] = text
  }
  switch (action) {
    case 'dispatch':
      if (form.target === 'staff') {
        put('assigneeStaffId', form.staffId)
        put('assigneeTeamId', form.teamId)
      }
      if (form.target === 'team') put('assigneeTeamId', form.teamId)
      if (form.target === 'department') put('department', form.department)
      break
    case 'handover':
      put('responsibleDepartment', form.responsibleDepartment)
      put('responsiblePerson', form.responsiblePerson)
      break
    case 'contact':
      put('appointmentAt', form.appointmentAt?.toISOString())
      break
    case 'answer':
      put('result', form.result)
      break
    case 'complete':
      put('result', form.result)
      Object.assign(body, extrasPayload(form.extras))
      break
    case 'wait':
      put('reason', form.waitReason)
      break
    case 'visit':
      put('method', form.method)
      put('satisfaction', form.satisfaction)
      put('comment', form.comment)
      return body // the visit's comment is its note
    case 'close':
      if (kind === 'complaint') put('valid', form.valid)
      put('rootCause', form.rootCause)
      break
    case 'cancel':
      put('reason', form.reason)
      return body
  }
  put('note', form.note)
  return body
}

/** The server names the fields of the body; the form's items are named a little differently. */
export function formErrorsOf(action: OrderAction, details: Record<string, string>): Record<string, string> {
  const rename: Record<string, ActionField> = {
    assigneeStaffId: 'staffId',
    assigneeTeamId: 'teamId',
    reason: action === 'wait' ? 'waitReason' : 'reason',
  }
  return Object.fromEntries(Object.entries(details).map(([key, message]) => [rename[key] ?? key, message]))
}

/** The colour of an action's button. */
export function actionTone(action: OrderAction): 'primary' | 'success' | 'warning' | 'danger' | 'default' {
  if (action === 'cancel') return 'danger'
  if (action === 'complete' || action === 'answer' || action === 'visit') return 'success'
  if (action === 'wait' || action === 'rework') return 'warning'
  if (action === 'close' || action === 'contact' || action === 'feedback') return 'default'
  return 'primary'
}
