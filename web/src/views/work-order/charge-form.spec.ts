import { describe, expect, it } from 'vitest'
import { blankChargeForm, payBody } from './charge-form'

describe('payBody', () => {
  it('pays the whole total by the chosen method, with the receipt number when there is one', () => {
    expect(payBody({ method: 'wechat', receiptNo: ' R-001 ', explanation: '' }, { totalFen: 2500 })).toEqual({
      method: 'wechat',
      amountFen: 2500,
      receiptNo: 'R-001',
    })
    expect(payBody({ method: 'cash', receiptNo: ' ', explanation: '' }, { totalFen: 800 })).toEqual({ method: 'cash', amountFen: 800 })
  })
  it('needs a method', () => {
    expect(() => payBody(blankChargeForm(null), { totalFen: 1 })).toThrow()
  })
  it('starts the explanation from the one given before', () => {
    expect(blankChargeForm({ explanation: '业主出差' }).explanation).toBe('业主出差')
    expect(blankChargeForm(null).explanation).toBe('')
  })
})
