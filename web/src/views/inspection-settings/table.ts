import type { RewardRule } from '@/api/inspections'
import { OUTCOMES, POSITIONS, type Outcome, type Position } from '@/constants/inspections'

/** The reward/penalty table as a grid: outcome × position → yuan, or null for none. */
export type RewardGrid = Record<Outcome, Record<Position, number | null>>

export function gridOf(rules: readonly RewardRule[]): RewardGrid {
  const grid = Object.fromEntries(OUTCOMES.map((o) => [o, Object.fromEntries(POSITIONS.map((p) => [p, null]))])) as RewardGrid
  for (const r of rules) grid[r.outcome][r.position] = r.amount
  return grid
}

/** Back to the list the server keeps: blank cells (and zeros) are no rule. */
export function rulesOf(grid: RewardGrid): RewardRule[] {
  return OUTCOMES.flatMap((outcome) =>
    POSITIONS.filter((position) => grid[outcome][position]).map((position) => ({ outcome, position, amount: grid[outcome][position]! })),
  )
}
