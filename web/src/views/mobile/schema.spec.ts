import { describe, expect, it } from 'vitest'
import { blankReport, canRate, mobileSteps, ratePayload, reportPayload } from './schema'

describe('technician steps', () => {
  it('offers only the steps the server lists and the phone handles', () => {
    expect(mobileSteps({ actions: ['dispatch', 'accept', 'contact', 'arrive', 'cancel'] })).toEqual(['accept', 'arrive'])
    expect(mobileSteps({ actions: ['wait', 'complete'] })).toEqual(['complete'])
    expect(mobileSteps({ actions: ['resume'] })).toEqual(['resume'])
    expect(mobileSteps({ actions: [] })).toEqual([])
  })
})

describe('owner report', () => {
  it('picks the only unit for the owner', () => {
    expect(blankReport([{ id: 1 }]).unitId).toBe(1)
    expect(blankReport([{ id: 1 }, { id: 2 }]).unitId).toBeNull()
  })

  it('registers from the app for the unit, in its project', () => {
    const form = { ...blankReport([{ id: 1 }]), category: 'water', title: ' 卫生间漏水 ', description: '' }
    expect(reportPayload(form, { id: 1, projectId: 3 })).toEqual({
      projectId: 3,
      kind: 'repair',
      category: 'water',
      priority: 'normal',
      channel: 'app',
      unitId: 1,
      title: '卫生间漏水',
    })
  })
})

describe('owner rating', () => {
  it('rates a completed order not yet called back', () => {
    expect(canRate({ status: 'completed', satisfaction: null })).toBe(true)
    expect(canRate({ status: 'visited', satisfaction: 'satisfied' })).toBe(false)
    expect(canRate({ status: 'in_progress', satisfaction: null })).toBe(false)
  })

  it('sends the level and a comment when there is one', () => {
    expect(ratePayload({ satisfaction: 'very_satisfied', comment: ' 很快 ' })).toEqual({ satisfaction: 'very_satisfied', comment: '很快' })
    expect(ratePayload({ satisfaction: 'neutral', comment: '' })).toEqual({ satisfaction: 'neutral' })
    expect(() => ratePayload({ satisfaction: undefined, comment: '' })).toThrow()
  })
})
