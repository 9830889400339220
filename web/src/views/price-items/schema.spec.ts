import { describe, expect, it } from 'vitest'
import type { PriceItem } from '@/api/charges'
import { blankPrice, priceErrorsOf, priceFormOf, pricePayload } from './schema'

const item: PriceItem = {
  id: 3,
  projectId: 7,
  name: '更换角阀',
  unit: '个',
  priceFen: 1250,
  category: 'plumbing',
  active: true,
  note: '',
  createdAt: '',
  updatedAt: '',
}

describe('the price form', () => {
  it('shows a price in yuan and sends it in fen', () => {
    expect(priceFormOf(item).priceYuan).toBe(12.5)
    expect(pricePayload({ ...priceFormOf(item), priceYuan: 19.99, name: ' 疏通下水 ' })).toEqual({
      projectId: 7,
      name: '疏通下水',
      unit: '个',
      priceFen: 1999,
      category: 'plumbing',
      active: true,
      note: '',
    })
  })
  it('starts a new item active, per 次', () => {
    expect(blankPrice(7)).toMatchObject({ projectId: 7, unit: '次', active: true, priceYuan: null })
  })
  it('puts the server error about priceFen on the yuan box', () => {
    expect(priceErrorsOf({ priceFen: 'too large', name: 'taken' })).toEqual({ priceYuan: 'too large', name: 'taken' })
  })
})
