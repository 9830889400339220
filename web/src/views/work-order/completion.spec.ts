import { describe, expect, it } from 'vitest'
import type { PriceItem } from '@/api/charges'
import { blankExtras, chargeRowFen, chargesTotalFen, extrasPayload, extrasProblems } from './completion'

const item = (id: number, priceFen: number): PriceItem => ({
  id,
  projectId: 1,
  name: `item ${id}`,
  unit: '次',
  priceFen,
  category: '',
  active: true,
  note: '',
  createdAt: '',
  updatedAt: '',
})
const prices = [item(5, 1250), item(6, 3000)]

describe('the charge total', () => {
  it('adds the rows priced from the list, live', () => {
    const rows = [
      { priceItemId: 5, quantity: 2 },
      { priceItemId: 6, quantity: 0.5 },
      { priceItemId: null, quantity: 1 },
    ]
    expect(chargeRowFen(rows[0], prices)).toBe(2500)
    expect(chargeRowFen(rows[2], prices)).toBe(0)
    expect(chargesTotalFen(rows, prices)).toBe(4000)
    expect(chargesTotalFen([{ priceItemId: 5, quantity: 0 }], prices)).toBe(0)
  })
})

describe('extrasPayload', () => {
  it('sends nothing when nothing was used or charged', () => {
    expect(extrasPayload(blankExtras())).toEqual({})
  })
  it('sends the trimmed materials and the charges, dropping blank material rows', () => {
    const extras = {
      ...blankExtras(),
      materials: [
        { name: ' 角阀 ', quantity: 1, unit: ' 个 ' },
        { name: '', quantity: 1, unit: '个' },
      ],
      charges: [{ priceItemId: 5, quantity: 2 }],
    }
    expect(extrasPayload(extras)).toEqual({
      materials: [{ name: '角阀', quantity: 1, unit: '个' }],
      charges: [{ priceItemId: 5, quantity: 2 }],
    })
  })
})

describe('extrasProblems', () => {
  it('names the row and the field, as the server would', () => {
    const extras = {
      ...blankExtras(),
      materials: [{ name: '软管', quantity: 1.234, unit: '' }],
      charges: [{ priceItemId: null, quantity: 1 }, { priceItemId: 5, quantity: -1 }],
    }
    expect(extrasProblems(extras)).toEqual({
      'materials[0].quantity': 'completion.badQuantity',
      'materials[0].unit': 'completion.unitRequired',
      'charges[0].priceItemId': 'completion.chooseItem',
      'charges[1].quantity': 'completion.badQuantity',
    })
  })
  it('refuses more than 20 charge rows', () => {
    const charges = Array.from({ length: 21 }, () => ({ priceItemId: 5, quantity: 1 }))
    expect(extrasProblems({ ...blankExtras(), charges }).charges).toBe('completion.tooManyRows')
  })
  it('has nothing to say about good rows', () => {
    expect(extrasProblems({ ...blankExtras(), charges: [{ priceItemId: 5, quantity: 1 }] })).toEqual({})
  })
})
