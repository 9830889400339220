/** The values of the patrol dictionaries (docs/patrols.md), as the server sends them. */
export const CHECKPOINT_KINDS = ['post', 'room', 'facility', 'area', 'equipment', 'other'] as const
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number]
export const LIMIT_PERIODS = ['always', 'open_morning', 'open_afternoon', 'closed'] as const
export type LimitPeriod = (typeof LIMIT_PERIODS)[number]
export const SCHEDULE_KINDS = ['interval', 'times', 'weekly', 'monthly'] as const
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number]
export const ASSIGNEE_KINDS = ['role', 'team', 'person'] as const
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number]
export const SLOT_STATES = ['open', 'grace', 'done', 'late', 'missed', 'not_needed'] as const
export type SlotState = (typeof SLOT_STATES)[number]
export const PLACEMENTS = ['done', 'late', 'unscheduled'] as const
export type Placement = (typeof PLACEMENTS)[number]
/** The roles of the field: whose "due now" a role plan fills. */
export const FIELD_ROLES = ['cleaning', 'security', 'clubhouse', 'supervisor', 'project_manager'] as const
