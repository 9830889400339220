import { describe, expect, it } from 'vitest'
import { draftChanged, draftOf, wasEdited } from './schema'

describe('SLA rule drafts', () => {
  const rule = { amount: 4, unit: 'hour' as const }

  it('is saved only when changed and valid', () => {
    expect(draftChanged(rule, draftOf(rule))).toBe(false)
    expect(draftChanged(rule, undefined)).toBe(false)
    expect(draftChanged(rule, { amount: 2, unit: 'hour' })).toBe(true)
    expect(draftChanged(rule, { amount: 4, unit: 'working_day' })).toBe(true)
    expect(draftChanged(rule, { amount: 0, unit: 'hour' })).toBe(true)
    expect(draftChanged(rule, { amount: -1, unit: 'hour' })).toBe(false)
    expect(draftChanged(rule, { amount: 1.5, unit: 'hour' })).toBe(false)
  })

  it('tells a seeded rule from an edited one', () => {
    expect(wasEdited({ createdAt: '1970-01-01T08:00:00+08:00', updatedAt: '1970-01-01T08:00:00+08:00' })).toBe(false)
    expect(wasEdited({ createdAt: '1970-01-01T08:00:00+08:00', updatedAt: '2026-11-24T02:53:41+08:00' })).toBe(true)
  })
})
