/** The server's dictionaries of work orders, in the order the console lists them. */

export const WORK_ORDER_KINDS = ['repair', 'complaint', 'consultation', 'suggestion', 'praise'] as const
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number]

export const WORK_ORDER_STATUSES = [
  'registered',
  'dispatched',
  'accepted',
  'in_progress',
  'waiting',
  'completed',
  'visited',
  'closed',
  'cancelled',
] as const
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number]

export const PRIORITIES = ['normal', 'emergency'] as const
export type Priority = (typeof PRIORITIES)[number]

export const CHANNELS = ['phone', 'front_desk', 'app', 'intercom', 'online', 'email', 'patrol'] as const
export type Channel = (typeof CHANNELS)[number]

export const CLOCK_NAMES = ['handle', 'onsite', 'contact', 'handover', 'acknowledge', 'feedback', 'resolve', 'visit'] as const
export type ClockName = (typeof CLOCK_NAMES)[number]
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'stopped'

export const SLA_UNITS = ['minute', 'hour', 'working_day'] as const
export type SlaUnit = (typeof SLA_UNITS)[number]

export const VISIT_METHODS = ['phone', 'visit', 'app', 'sms'] as const
export type VisitMethod = (typeof VISIT_METHODS)[number]

export const SATISFACTION_LEVELS = [
  'very_satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very_dissatisfied',
] as const
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number]

export const WAIT_REASONS = ['owner', 'parts'] as const
export type WaitReason = (typeof WAIT_REASONS)[number]

/** The lifecycle steps of POST /work-orders/{id}/{action}. */
export const STEP_ACTIONS = [
  'dispatch',
  'handover',
  'accept',
  'contact',
  'arrive',
  'acknowledge',
  'feedback',
  'answer',
  'wait',
  'resume',
  'complete',
  'visit',
  'close',
  'cancel',
] as const
export type StepAction = (typeof STEP_ACTIONS)[number]
/** Paid repairs: 收费 (POST /pay) and 逾期说明 (POST /charge-explanation). */
export const CHARGE_ACTIONS = ['pay', 'explainCharge'] as const
export type ChargeAction = (typeof CHARGE_ACTIONS)[number]
/** What `actions` of an order may list: the steps, 返修 and the charge's actions. */
export type OrderAction = StepAction | 'rework' | ChargeAction

export const NOTIFICATION_KINDS = ['reminder', 'overdue', 'dissatisfied'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
