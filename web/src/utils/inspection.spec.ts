import { describe, expect, it } from 'vitest'
import {
  compositeCenti,
  deductionCenti,
  earnsBonus,
  findingProblem,
  gradeOf,
  itemScoreCenti,
  radarOf,
  runningScore,
  scaleTo100,
  signedYuan,
  weightsAddUp,
  weightSumCenti,
  type ScorableRubric,
} from './inspection'

const range = { max: 5, rule: 'range' as const, checkPoints: 4, deductMin: 0.5, deductMax: 2 }
const perOccurrence = { max: 5, rule: 'per_occurrence' as const, deductEach: 0.2 }
const allOrNothing = { max: 4, rule: 'all_or_nothing' as const }

describe('item scores', () => {
  it('a range item takes off the sum of its amounts and never goes below zero', () => {
    expect(deductionCenti(range, { amounts: [2, 1.5], occurrences: 0, failed: false })).toBe(350)
    expect(itemScoreCenti(range, { amounts: [2, 1.5], occurrences: 0, failed: false })).toBe(150)
    // 3 × 2 = 6 on a 5-point item: 0, not -1 (docs/inspections.md, CS-07).
    expect(itemScoreCenti(range, { amounts: [2, 2, 2], occurrences: 0, failed: false })).toBe(0)
  })

  it('a per-occurrence item takes off occurrences × the amount; all-or-nothing the maximum', () => {
    expect(itemScoreCenti(perOccurrence, { amounts: [], occurrences: 3, failed: false })).toBe(440)
    expect(itemScoreCenti(allOrNothing, { amounts: [], occurrences: 0, failed: true })).toBe(0)
    expect(itemScoreCenti(allOrNothing, null)).toBe(400)
  })

  it('refuses amounts outside the range and more amounts than check points', () => {
    expect(findingProblem(range, { amounts: [0.4], occurrences: 0, failed: false })?.key).toBe('inspection.do.amountOutOfRange')
    expect(findingProblem(range, { amounts: [2.5], occurrences: 0, failed: false })?.key).toBe('inspection.do.amountOutOfRange')
    expect(findingProblem(range, { amounts: [1, 1, 1, 1, 1], occurrences: 0, failed: false })?.key).toBe('inspection.do.tooManyAmounts')
    expect(findingProblem(range, { amounts: [0.5, 2], occurrences: 0, failed: false })).toBeNull()
  })
})

describe('scaling and the composite', () => {
  it('scales to 100 rounding half up, as docs/inspections.md shows', () => {
    expect(scaleTo100(6420, 6500)).toBe(9877) // 98.769…
    expect(scaleTo100(4000, 4400)).toBe(9091) // 90.909…
    expect(scaleTo100(1, 800)).toBe(13) // 0.125
    expect(scaleTo100(200, 300)).toBe(6667)
    expect(scaleTo100(1870, 2000)).toBe(9350)
  })

  it('rounds the weighted sum once: worked example 1 is 93.55', () => {
    const parts = [9100, 9350, 9877, 9091].map((scoreCenti) => ({ scoreCenti, weight: 25 }))
    expect(compositeCenti(parts)).toBe(9355) // 374.18 × 25 % = 93.545 → 93.55
  })

  it('checks that weights add up to exactly 100 %', () => {
    expect(weightsAddUp([25, 25, 25, 25])).toBe(true)
    expect(weightsAddUp([33.33, 33.33, 33.34])).toBe(true)
    expect(weightsAddUp([33.33, 33.33, 33.33])).toBe(false)
    expect(weightSumCenti([25, null, 50])).toBe(7500)
    expect(weightsAddUp([])).toBe(false)
  })
})

describe('grades', () => {
  it('follows the defaults at the edges', () => {
    expect(gradeOf(79.99)).toBe('fail')
    expect(gradeOf(79.5)).toBe('fail')
    expect(gradeOf(80)).toBe('good')
    expect(gradeOf(90)).toBe('good')
    expect(gradeOf(90.01)).toBe('excellent')
    expect(earnsBonus(95.99)).toBe(false)
    expect(earnsBonus(96)).toBe(true)
  })
})

describe('the running score', () => {
  const rubric: ScorableRubric = {
    weight: 100,
    sections: [
      {
        items: [
          { id: 1, max: 10, rule: 'range', checkPoints: 5, deductMin: 0.5, deductMax: 2, deduction: null },
          { id: 2, max: 5, rule: 'range', checkPoints: 4, deductMin: 0.5, deductMax: 2, deduction: { amounts: [1], occurrences: 0, failed: false } },
          { id: 3, max: 85, rule: 'all_or_nothing', deduction: null },
        ],
      },
    ],
  }

  it('counts the saved deductions and the one being typed', () => {
    expect(runningScore([rubric])).toBe(99)
    const pending = new Map([[1, { amounts: [2, 2, 2, 2], occurrences: 0, failed: false }]])
    expect(runningScore([rubric], pending)).toBe(91)
    // Clearing the saved one gives its point back.
    pending.set(2, { amounts: [], occurrences: 0, failed: false })
    expect(runningScore([rubric], pending)).toBe(92)
  })

  it('scales a rubric that is not on 100 and weighs it', () => {
    const small: ScorableRubric = { weight: 50, sections: [{ items: [{ id: 9, max: 44, rule: 'all_or_nothing', deduction: { amounts: [], occurrences: 0, failed: true } }, { id: 10, max: 4, rule: 'all_or_nothing', deduction: null }] }] }
    // 4 of 48 → 8.333… → 8.33; 99 × 50 % + 8.33 × 50 % = 53.665 → 53.67
    expect(runningScore([{ ...rubric, weight: 50 }, small])).toBe(53.67)
  })
})

describe('the result', () => {
  it('draws one radar axis per section on 100', () => {
    expect(radarOf([{ name: '内部管理', score: 81.11 }, { name: '现场管理', score: 100 }])).toEqual({
      indicator: [{ name: '内部管理', max: 100 }, { name: '现场管理', max: 100 }],
      values: [81.11, 100],
    })
  })

  it('signs the amounts', () => {
    expect(signedYuan(1000)).toBe('+¥1,000')
    expect(signedYuan(-500)).toBe('-¥500')
    expect(signedYuan(0)).toBe('¥0')
  })
})
