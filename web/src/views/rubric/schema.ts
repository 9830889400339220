import type { Rubric, RubricItem, RubricPayload, RubricSection } from '@/api/inspections'
import { centi, points } from '@/utils/inspection'

/** The rubric being edited: what the form holds. */
export interface RubricForm {
  code: string
  name: string
  source: string
  sections: RubricSection[]
}

/** A new item: every rule's parameters preset (seed 001's 0.5-2 per missing point, seed 004's 0.2 per
 * occurrence), so switching the rule never leaves a required amount empty. */
export function blankItem(code = ''): RubricItem {
  return { code, name: '', standard: '', max: 5, rule: 'range', checkPoints: 1, deductMin: 0.5, deductMax: 2, deductEach: 0.2 }
}

export function blankSection(): RubricSection {
  return { name: '', items: [blankItem()] }
}

export function blankRubric(): RubricForm {
  return { code: '', name: '', source: '', sections: [blankSection()] }
}

export function rubricFormOf(r: Rubric): RubricForm {
  return {
    code: r.code,
    name: r.name,
    source: r.source,
    sections: r.sections.map((s) => ({ name: s.name, items: s.items.map((i) => ({ ...blankItem(), ...i, id: undefined })) })),
  }
}

/** The points a section or the whole rubric is on: the sum of its items' maximums. */
export function sectionMax(section: RubricSection): number {
  return points(section.items.reduce((sum, i) => sum + centi(i.max ?? 0), 0))
}

export function rubricMax(form: RubricForm): number {
  return points(form.sections.reduce((sum, s) => sum + centi(sectionMax(s)), 0))
}

/** Item codes used more than once (the server refuses them). */
export function duplicateCodes(form: RubricForm): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const s of form.sections)
    for (const i of s.items) {
      const code = i.code.trim()
      if (!code) continue
      if (seen.has(code)) twice.add(code)
      seen.add(code)
    }
  return [...twice]
}

/** A code for a new item: the prefix of the last one with the next number (CS-19 → CS-20). */
export function nextCode(form: RubricForm): string {
  const codes = form.sections.flatMap((s) => s.items.map((i) => i.code.trim())).filter(Boolean)
  const last = codes[codes.length - 1]
  const match = last ? /^(.*?)(\d+)$/.exec(last) : null
  if (!match) return ''
  const width = match[2].length
  let n = Number(match[2]) + 1
  let code = `${match[1]}${String(n).padStart(width, '0')}`
  while (codes.includes(code)) code = `${match[1]}${String(++n).padStart(width, '0')}`
  return code
}

/** The body: trimmed texts, and only the parameters of each item's rule. */
export function rubricPayload(form: RubricForm, withCode: boolean): RubricPayload {
  const body: RubricPayload = {
    name: form.name.trim(),
    source: form.source.trim(),
    sections: form.sections.map((s) => ({
      name: s.name.trim(),
      items: s.items.map((i) => {
        const item: RubricItem = { code: i.code.trim(), name: i.name.trim(), standard: i.standard.trim(), max: i.max, rule: i.rule }
        if (i.rule === 'range') Object.assign(item, { checkPoints: i.checkPoints, deductMin: i.deductMin, deductMax: i.deductMax })
        if (i.rule === 'per_occurrence') item.deductEach = i.deductEach
        return item
      }),
    })),
  }
  if (withCode) body.code = form.code.trim()
  return body
}
