import { describe, expect, it } from 'vitest'
import type { PatrolPlan } from '@/api/patrols'
import { blankPlan, planFormOf, planPayload, planProblems } from './schema'

/** The plan editor's own checks of time windows, before anything is sent. */
describe('plan windows', () => {
  const withWindows = (windows: { from: string; to: string }[]) => ({ ...blankPlan(1), windows })
  const windowProblems = (windows: { from: string; to: string }[]) =>
    planProblems(withWindows(windows)).filter((p) => p.includes('windows') || p.includes('overlap'))

  it('takes a night window that crosses midnight', () => {
    expect(windowProblems([{ from: '22:00', to: '06:00' }])).toEqual([])
    expect(windowProblems([{ from: '06:00', to: '08:00' }, { from: '22:00', to: '06:00' }])).toEqual([])
  })

  it('refuses a window of no length and one running into the next morning', () => {
    expect(windowProblems([{ from: '10:00', to: '10:00' }])).toEqual(['patrol.plan.problems.windows'])
    expect(windowProblems([{ from: '05:00', to: '08:00' }, { from: '22:00', to: '06:00' }])).toEqual(['patrol.plan.problems.overlap'])
    expect(windowProblems([{ from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }])).toEqual(['patrol.plan.problems.overlap'])
  })
})

/** A plan's start is sent only when it was set or changed, so later edits keep the start it had. */
describe('plan start', () => {
  it('sends startsOn for a new plan only when a day is chosen', () => {
    expect(planPayload(blankPlan(1))).not.toHaveProperty('startsOn')
    expect(planPayload({ ...blankPlan(1), startsOn: '2026-11-18' }).startsOn).toBe('2026-11-18')
  })

  it('keeps an existing plan\'s start unless the day changes', () => {
    const form = planFormOf(plan({ startsAt: '2026-11-20T10:00:00+08:00' }))
    expect(form.startsOn).toBe('2026-11-20')
    expect(planPayload(form)).not.toHaveProperty('startsOn')
    expect(planPayload({ ...form, startsOn: '2026-11-01' }).startsOn).toBe('2026-11-01')
  })
})

function plan(extra: Partial<PatrolPlan>): PatrolPlan {
  return {
    id: 7,
    projectId: 1,
    projectName: '城市花园',
    name: '前台巡查',
    assignee: { kind: 'role', role: 'cleaning' },
    schedule: { kind: 'interval', everyMinutes: 60, windows: [{ from: '08:00', to: '12:00' }] },
    graceMinutes: 10,
    checkpoints: [{ id: 3, code: 'CP-1', name: '前台', place: '' }],
    items: [{ id: 9, label: '台面整洁', kind: 'check', metricId: null, metric: null }],
    quota: null,
    active: true,
    startsAt: '2026-11-20T10:00:00+08:00',
    ...extra,
  }
}
