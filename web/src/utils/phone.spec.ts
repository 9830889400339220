import { describe, expect, it } from 'vitest'
import { isPhoneNumber, isValidPhoneQuery, normalizePhoneQuery } from './phone'

describe('phone filter', () => {
  it('keeps only the digits people mean', () => {
    expect(normalizePhoneQuery(' 138 0013-8000 ')).toBe('13800138000')
    expect(normalizePhoneQuery('+86 138 0013 8000')).toBe('13800138000')
    expect(normalizePhoneQuery('8613800138000')).toBe('13800138000')
    expect(normalizePhoneQuery('1234')).toBe('1234')
  })

  it('accepts the last 4 digits or a whole number, nothing in between', () => {
    expect(isValidPhoneQuery('1234')).toBe(true)
    expect(isValidPhoneQuery('13800138000')).toBe(true)
    expect(isValidPhoneQuery('123')).toBe(false)
    expect(isValidPhoneQuery('12345')).toBe(false)
    expect(isValidPhoneQuery('138****8000')).toBe(false)
  })
})

describe('isPhoneNumber', () => {
  it('takes mobiles, fixed lines and 400 numbers as people write them', () => {
    expect(isPhoneNumber('13800138000')).toBe(true)
    expect(isPhoneNumber('138 0013 8000')).toBe(true)
    expect(isPhoneNumber('010-84731234')).toBe(true)
    expect(isPhoneNumber('+86 13800138000')).toBe(true)
    expect(isPhoneNumber('400-820-8820')).toBe(true)
  })

  it('refuses masked, short or lettered numbers', () => {
    expect(isPhoneNumber('138****8000')).toBe(false)
    expect(isPhoneNumber('123456')).toBe(false)
    expect(isPhoneNumber('0571-8888 ext 2')).toBe(false)
  })
})
