import { describe, expect, it } from 'vitest'
import { gridOf, rulesOf } from './table'

describe('the reward/penalty table', () => {
  it('goes to a grid and back, dropping blank cells', () => {
    const rules = [
      { outcome: 'fail' as const, position: 'project_manager' as const, amount: -500 },
      { outcome: 'bonus' as const, position: 'team' as const, amount: 3000 },
    ]
    const grid = gridOf(rules)
    expect(grid.fail.project_manager).toBe(-500)
    expect(grid.excellent.project_manager).toBeNull()
    grid.excellent.project_manager = 1000
    grid.good.team_leader = 0
    expect(rulesOf(grid)).toEqual([...rules.slice(0, 1), { outcome: 'excellent', position: 'project_manager', amount: 1000 }, rules[1]])
  })
})
