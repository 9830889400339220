import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format'

describe('formatDateTime', () => {
  it('shows an instant in the given time zone', () => {
    expect(formatDateTime('2024-05-01T02:03:00Z', 'Asia/Shanghai')).toBe('2024-05-01 10:03')
    expect(formatDateTime('2024-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2025-01-01 00:30')
    expect(formatDateTime('2024-05-01T02:03:00Z', 'UTC')).toBe('2024-05-01 02:03')
  })

  it('shows nothing for a missing value', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime(undefined)).toBe('')
  })
})
