import { describe, expect, it } from 'vitest'
import { blankPlan, planPayload } from './schema'

describe('planning an inspection', () => {
  it('targets the project itself and leaves the inspectors to the server when none is chosen', () => {
    const form = { ...blankPlan(3, 'inspection'), schemeId: 1, day: '2026-12-02', targetKind: 'project' as const, targetId: 99 }
    expect(planPayload(form)).toEqual({ schemeId: 1, kind: 'inspection', targetKind: 'project', targetId: 3, method: 'unannounced', day: '2026-12-02', note: '' })
  })

  it('sends the chosen zone, team or person and the inspectors', () => {
    const form = { ...blankPlan(3, 'self_check'), schemeId: 2, targetKind: 'team' as const, targetId: 7, inspectorIds: [4, 5], note: ' 周检 ' }
    expect(planPayload(form)).toMatchObject({ kind: 'self_check', targetKind: 'team', targetId: 7, inspectorIds: [4, 5], note: '周检' })
  })
})
