import { describe, expect, it } from 'vitest'
import {
  CHARGE_ACTIONS,
  CHANNELS,
  CLOCK_NAMES,
  NOTIFICATION_KINDS,
  PRIORITIES,
  SATISFACTION_LEVELS,
  SLA_UNITS,
  STEP_ACTIONS,
  VISIT_METHODS,
  WAIT_REASONS,
  WORK_ORDER_KINDS,
  WORK_ORDER_STATUSES,
} from '@/constants/work-orders'
import { PAY_METHODS, PAYMENT_STATES, PHOTO_STAGES } from '@/constants/charges'
import * as INSPECTION from '@/constants/inspections'
import { CHECKPOINT_KINDS, LIMIT_PERIODS, PLACEMENTS, SCHEDULE_KINDS, SLOT_STATES } from '@/constants/patrols'
import { buildMessages, leafKeys } from './messages'

const messages = buildMessages(
  import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }),
)

/** Keys built at run time (`workOrder.statuses.${status}`): every value of the server's dictionaries has a text. */
const DYNAMIC: [string, readonly string[]][] = [
  ['workOrder.kinds', WORK_ORDER_KINDS],
  ['workOrder.statuses', WORK_ORDER_STATUSES],
  ['workOrder.priorities', PRIORITIES],
  ['workOrder.channels', CHANNELS],
  ['workOrder.clocks', CLOCK_NAMES],
  ['workOrder.clockStates', ['running', 'paused', 'met', 'breached', 'stopped']],
  ['workOrder.actions', [...STEP_ACTIONS, ...CHARGE_ACTIONS, 'register', 'rework', 'rate', 'explain_charge', 'photo']],
  ['charge.methods', PAY_METHODS],
  ['charge.states', PAYMENT_STATES],
  ['photo.stages', PHOTO_STAGES],
  ['workOrder.visitMethods', VISIT_METHODS],
  ['workOrder.satisfactions', SATISFACTION_LEVELS],
  ['workOrder.waitReasons', WAIT_REASONS],
  ['workOrder.form.targets', ['staff', 'team', 'department']],
  ['sla.units', SLA_UNITS],
  ['notification.kinds', NOTIFICATION_KINDS],
  ['calendar.months', Array.from({ length: 12 }, (_, i) => `m${i + 1}`)],
  ['calendar.weekdays', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
  ['inspection.kinds', INSPECTION.INSPECTION_KINDS],
  ['inspection.targets', INSPECTION.TARGET_KINDS],
  ['inspection.methods', INSPECTION.INSPECTION_METHODS],
  ['inspection.statuses', INSPECTION.INSPECTION_STATUSES],
  ['inspection.rules', INSPECTION.RULE_KINDS],
  ['inspection.grades', INSPECTION.GRADES],
  ['inspection.outcomes', INSPECTION.OUTCOMES],
  ['inspection.positions', INSPECTION.POSITIONS],
  ['inspection.rect.statuses', INSPECTION.RECTIFICATION_STATUSES],
  ['inspection.rect', ['complete', 'verify', 'reject']],
  ['patrol.kinds', CHECKPOINT_KINDS],
  ['patrol.periods', LIMIT_PERIODS],
  ['patrol.slotStates', SLOT_STATES],
  ['patrol.placements', PLACEMENTS],
  ['patrol.scheduleKinds', SCHEDULE_KINDS],
  ['patrol.weekdays', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']],
]

describe('dictionary texts', () => {
  const known = new Set(leafKeys(messages['zh-CN']))

  it('name every value the server may send', () => {
    const missing = DYNAMIC.flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`)).filter((k) => !known.has(k))
    expect(missing).toEqual([])
  })
})
