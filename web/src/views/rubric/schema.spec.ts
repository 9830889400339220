import { describe, expect, it } from 'vitest'
import { blankItem, blankRubric, duplicateCodes, nextCode, rubricMax, rubricPayload, type RubricForm } from './schema'

const form = (): RubricForm => ({
  code: ' CS ',
  name: ' 客户服务 ',
  source: '',
  sections: [
    { name: '内部管理', items: [{ ...blankItem('CS-01'), max: 10 }, { ...blankItem('CS-02'), max: 4.5, rule: 'per_occurrence', deductEach: 0.2 }] },
    { name: '现场管理', items: [{ ...blankItem('CS-09'), max: 5, rule: 'all_or_nothing' }] },
  ],
})

describe('the rubric editor', () => {
  it('adds up the maximums', () => {
    expect(rubricMax(form())).toBe(19.5)
    expect(rubricMax(blankRubric())).toBe(5)
  })

  it('finds codes used twice and proposes the next one', () => {
    const f = form()
    expect(duplicateCodes(f)).toEqual([])
    f.sections[1].items[0].code = 'CS-01'
    expect(duplicateCodes(f)).toEqual(['CS-01'])
    expect(nextCode(form())).toBe('CS-10')
  })

  it('sends each item with the parameters of its rule only', () => {
    const body = rubricPayload(form(), true)
    expect(body.code).toBe('CS')
    expect(body.name).toBe('客户服务')
    expect(body.sections[0].items[0]).toEqual({ code: 'CS-01', name: '', standard: '', max: 10, rule: 'range', checkPoints: 1, deductMin: 0.5, deductMax: 2 })
    expect(body.sections[0].items[1]).toEqual({ code: 'CS-02', name: '', standard: '', max: 4.5, rule: 'per_occurrence', deductEach: 0.2 })
    expect(body.sections[1].items[0]).toEqual({ code: 'CS-09', name: '', standard: '', max: 5, rule: 'all_or_nothing' })
    expect(rubricPayload(form(), false).code).toBeUndefined()
  })

  it('a new item switched to a per-occurrence rule already has its amount', () => {
    const f = blankRubric()
    f.sections[0].items[0].rule = 'per_occurrence'
    expect(rubricPayload(f, true).sections[0].items[0].deductEach).toBe(0.2)
  })
})
