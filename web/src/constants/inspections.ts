/**
 * The inspection dictionaries as the server sends them (docs/inspections.md); each value has a
 * text under `inspection.<group>.<value>` (checked by locales/dictionaries.spec.ts).
 */
export const INSPECTION_KINDS = ['inspection', 'self_check', 'mutual_check'] as const
export type InspectionKind = (typeof INSPECTION_KINDS)[number]

export const TARGET_KINDS = ['project', 'zone', 'team', 'person'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

export const INSPECTION_METHODS = ['open', 'unannounced', 'mystery_shopper', 'questioning', 'callback', 'written_test'] as const
export type InspectionMethod = (typeof INSPECTION_METHODS)[number]

export const INSPECTION_STATUSES = ['open', 'submitted'] as const
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number]

export const RULE_KINDS = ['range', 'per_occurrence', 'all_or_nothing'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const GRADES = ['fail', 'good', 'excellent'] as const
export type Grade = (typeof GRADES)[number]

/** The rows of the reward/penalty table: the three grades and the team bonus. */
export const OUTCOMES = ['fail', 'good', 'excellent', 'bonus'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const POSITIONS = ['project_manager', 'deputy_manager', 'department_head', 'team_leader', 'team'] as const
export type Position = (typeof POSITIONS)[number]

export const RECTIFICATION_STATUSES = ['open', 'done', 'verified', 'rejected'] as const
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number]

/** Element Plus tag types of the grades and of the rectification states. */
export const GRADE_TAGS: Record<Grade, 'danger' | 'primary' | 'success'> = {
  fail: 'danger',
  good: 'primary',
  excellent: 'success',
}

export const RECTIFICATION_TAGS: Record<RectificationStatus, 'warning' | 'primary' | 'success' | 'danger'> = {
  open: 'warning',
  done: 'primary',
  verified: 'success',
  rejected: 'danger',
}
