import { describe, expect, it } from 'vitest'
import { fenToYuan, formatYuan, isQuantity, lineFen, yuanToFen } from './money'

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatYuan(1250)).toBe('¥12.50')
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatYuan(5)).toBe('¥0.05')
    expect(formatYuan(1234567)).toBe('¥12,345.67')
    expect(formatYuan(-300)).toBe('-¥3.00')
  })
  it('shows nothing for a missing amount', () => {
    expect(formatYuan(null)).toBe('')
    expect(formatYuan(undefined)).toBe('')
  })
})

describe('yuanToFen and back', () => {
  it('sends yuan as integer fen without float noise', () => {
    expect(yuanToFen(12.5)).toBe(1250)
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(19.99)).toBe(1999)
    expect(yuanToFen(1.005)).toBe(101)
    expect(fenToYuan(1999)).toBe(19.99)
  })
})

describe('lineFen', () => {
  it('prices a quantity with decimals to the fen', () => {
    expect(lineFen(1250, 2)).toBe(2500)
    expect(lineFen(800, 1.5)).toBe(1200)
    expect(lineFen(333, 0.33)).toBe(110)
  })
})

describe('isQuantity', () => {
  it('takes positive quantities with at most two decimals', () => {
    expect(isQuantity(1)).toBe(true)
    expect(isQuantity(2.25)).toBe(true)
    expect(isQuantity(0)).toBe(false)
    expect(isQuantity(-1)).toBe(false)
    expect(isQuantity(1.234)).toBe(false)
    expect(isQuantity(null)).toBe(false)
  })
})
