import type { Grade, RuleKind } from '@/constants/inspections'

/**
 * The inspection arithmetic of the server (server/modules/inspections/scoring.cpp), in integer
 * hundredths, so that the page can show the running score while an amount is being typed, before
 * the server has it. The server's figures win once it answers.
 */

/** Points (92.5) to integer hundredths (9250). */
export function centi(points: number): number {
  return Math.round(points * 100)
}

/** Hundredths back to points. */
export function points(hundredths: number): number {
  return hundredths / 100
}

export interface RuleItem {
  max: number
  rule: RuleKind
  checkPoints?: number
  deductMin?: number
  deductMax?: number
  deductEach?: number
}

/** What the inspector records for one item. */
export interface Finding {
  amounts: number[]
  occurrences: number
  failed: boolean
}

export const NO_FINDING: Finding = { amounts: [], occurrences: 0, failed: false }

/** The points a finding takes off, in hundredths, before the floor at zero. */
export function deductionCenti(item: RuleItem, finding: Finding): number {
  if (item.rule === 'range') return finding.amounts.reduce((sum, a) => sum + centi(a), 0)
  if (item.rule === 'per_occurrence') return finding.occurrences * centi(item.deductEach ?? 0)
  return finding.failed ? centi(item.max) : 0
}

/** An item's score in hundredths: its maximum less the deduction, never below zero. */
export function itemScoreCenti(item: RuleItem, finding: Finding | null): number {
  const max = centi(item.max)
  return finding ? Math.max(0, max - deductionCenti(item, finding)) : max
}

/** Whether a finding records anything at all (an empty one is no deduction). */
export function hasFinding(item: RuleItem, finding: Finding): boolean {
  if (item.rule === 'range') return finding.amounts.length > 0
  if (item.rule === 'per_occurrence') return finding.occurrences > 0
  return finding.failed
}

/**
 * What is wrong with a finding, as an i18n key with its values, or null. Range items take one
 * amount per missing check point, each within the item's range, at most as many as it lists.
 */
export function findingProblem(item: RuleItem, finding: Finding): { key: string; values?: Record<string, number> } | null {
  if (item.rule === 'range') {
    const min = item.deductMin ?? 0
    const max = item.deductMax ?? item.max
    if (item.checkPoints && finding.amounts.length > item.checkPoints)
      return { key: 'inspection.do.tooManyAmounts', values: { count: item.checkPoints } }
    const twoDecimals = (a: number) => Math.abs(a * 100 - centi(a)) < 1e-6
    if (finding.amounts.some((a) => !Number.isFinite(a) || a < min || a > max || !twoDecimals(a)))
      return { key: 'inspection.do.amountOutOfRange', values: { min, max } }
  }
  if (item.rule === 'per_occurrence' && (!Number.isInteger(finding.occurrences) || finding.occurrences < 0))
    return { key: 'inspection.do.badOccurrences' }
  return null
}

/** Raw hundredths on `maxCenti` scaled to 100, rounded half up to the hundredth (as the server). */
export function scaleTo100(rawCenti: number, maxCenti: number): number {
  if (maxCenti <= 0) return 0
  if (maxCenti === 10000) return rawCenti
  return Math.floor((2 * rawCenti * 10000 + maxCenti) / (2 * maxCenti))
}

/** Σ score × weight (weights in percent), rounded once at the end, half up, in hundredths. */
export function compositeCenti(parts: { scoreCenti: number; weight: number }[]): number {
  const sum = parts.reduce((total, p) => total + p.scoreCenti * centi(p.weight), 0) // centi × basis points
  return Math.floor((2 * sum + 10000) / 20000)
}

/** The sum of a scheme's weights in hundredths of a percent; a scheme needs exactly 10000 (100 %). */
export function weightSumCenti(weights: readonly (number | null | undefined)[]): number {
  return weights.reduce<number>((sum, w) => sum + centi(w ?? 0), 0)
}

export function weightsAddUp(weights: readonly (number | null | undefined)[]): boolean {
  return weights.length > 0 && weightSumCenti(weights) === 10000
}

export interface GradeRules {
  failBelow: number
  excellentAbove: number
  bonusFrom: number
}

export const DEFAULT_GRADES: GradeRules = { failBelow: 80, excellentAbove: 90, bonusFrom: 96 }

/** Below failBelow fails, above excellentAbove is excellent, good in between (edges included). */
export function gradeOf(score: number, rules: GradeRules = DEFAULT_GRADES): Grade {
  const s = centi(score)
  if (s < centi(rules.failBelow)) return 'fail'
  if (s > centi(rules.excellentAbove)) return 'excellent'
  return 'good'
}

export function earnsBonus(score: number, rules: GradeRules = DEFAULT_GRADES): boolean {
  return centi(score) >= centi(rules.bonusFrom)
}

// ---- the running score of an inspection ----------------------------------------------------------

export interface ScorableItem extends RuleItem {
  id: number
  deduction: Finding | null
}

export interface ScorableRubric {
  weight: number
  sections?: { items: ScorableItem[] }[]
}

/**
 * The composite score with some items' findings replaced (`pending`: item id → finding, an empty
 * finding clears the item), as it will be once they are saved.
 */
export function runningScore(rubrics: readonly ScorableRubric[], pending: ReadonlyMap<number, Finding> = new Map()): number {
  const parts = rubrics.map((rubric) => {
    let raw = 0
    let max = 0
    for (const section of rubric.sections ?? [])
      for (const item of section.items) {
        const finding = pending.has(item.id) ? pending.get(item.id)! : item.deduction
        raw += itemScoreCenti(item, finding && hasFinding(item, finding) ? finding : null)
        max += centi(item.max)
      }
    return { scoreCenti: scaleTo100(raw, max), weight: rubric.weight }
  })
  return points(compositeCenti(parts))
}

// ---- the result --------------------------------------------------------------------------------

/** The radar chart of a rubric: one axis per section, its score on 100. */
export function radarOf(sections: readonly { name: string; score: number }[]) {
  return {
    indicator: sections.map((s) => ({ name: s.name, max: 100 })),
    values: sections.map((s) => s.score),
  }
}

/** Yuan with a sign: +¥1,000, -¥500, ¥0. */
export function signedYuan(amount: number): string {
  const text = `¥${Math.abs(amount).toLocaleString('en-US')}`
  return amount > 0 ? `+${text}` : amount < 0 ? `-${text}` : text
}

/** Points as the rubrics print them: 93.55, 6.5, 100. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return String(Math.round(value * 100) / 100)
}
