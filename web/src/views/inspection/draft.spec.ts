import { describe, expect, it } from 'vitest'
import type { Inspection, ScoredItem } from '@/api/inspections'
import { runningScore } from '@/utils/inspection'
import { deductionPayload, draftOf, isDirty, pendingFindings } from './draft'

const rangeItem: ScoredItem = {
  id: 11, code: 'CS-03', name: '需求受理', standard: '', max: 10, rule: 'range', checkPoints: 5, deductMin: 0.5, deductMax: 2, score: 8,
  deduction: { id: 1, amounts: [2], occurrences: 0, failed: false, deducted: 2, note: '未登记', recurring: false, rectificationId: null },
}
const eachItem: ScoredItem = { id: 12, code: 'ONS-01', name: '着装', standard: '', max: 5, rule: 'per_occurrence', deductEach: 0.2, score: 5, deduction: null }

describe('drafts of deductions', () => {
  it('start from what is recorded and are dirty once changed', () => {
    const draft = draftOf(rangeItem)
    expect(isDirty(rangeItem, draft)).toBe(false)
    draft.amounts.push(1.5)
    expect(isDirty(rangeItem, draft)).toBe(true)
  })

  it('send only the field of the item rule', () => {
    const none = { photoIds: [], files: [] }
    expect(deductionPayload(rangeItem, { amounts: [2, 1.5], occurrences: 3, failed: true, note: ' 缺 ', ...none })).toEqual({ itemId: 11, amounts: [2, 1.5], note: '缺' })
    expect(deductionPayload(eachItem, { amounts: [2], occurrences: 3, failed: true, note: '', ...none })).toEqual({ itemId: 12, occurrences: 3, note: '' })
  })

  it('name the photos only when they change: kept ones and the ones just uploaded', () => {
    const withPhotos: ScoredItem = { ...rangeItem, deduction: { ...rangeItem.deduction!, photos: [{ id: 7 }, { id: 8 }] as never } }
    const draft = draftOf(withPhotos)
    expect(deductionPayload(withPhotos, draft).photoIds).toBeUndefined()
    draft.photoIds = [8]
    expect(isDirty(withPhotos, draft)).toBe(true)
    expect(deductionPayload(withPhotos, draft, [9]).photoIds).toEqual([8, 9])
  })

  it('feed the running score with what is typed but not recorded', () => {
    const inspection = { rubrics: [{ id: 1, code: 'X', version: 1, weight: 100, score: 0, sections: [{ id: 1, name: 'A', max: 15, raw: 13, score: 0, items: [rangeItem, eachItem] }] }] } as unknown as Inspection
    const drafts = new Map([[11, draftOf(rangeItem)], [12, { amounts: [], occurrences: 3, failed: false, note: '', photoIds: [], files: [] }]])
    const pending = pendingFindings(inspection, drafts)
    expect([...pending.keys()]).toEqual([12])
    // 15-point rubric: 8 + (5 - 0.6) = 12.4 → 82.67 on 100.
    expect(runningScore(inspection.rubrics.map((r) => ({ weight: r.weight, sections: r.sections!.map((s) => ({ items: s.items })) })), pending)).toBe(82.67)
  })
})
