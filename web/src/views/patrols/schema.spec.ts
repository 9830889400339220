import { describe, expect, it } from 'vitest'
import { blankPlan, planProblems } from './schema'

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
