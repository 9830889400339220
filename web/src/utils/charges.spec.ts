import { describe, expect, it } from 'vitest'
import type { Charge } from '@/api/work-orders'
import { paymentState, paymentTone, photoProblem, photosByStage, photosLeft } from './charges'

const charge = (over: Partial<Charge>): Charge => ({
  totalFen: 2500,
  status: 'unpaid',
  dueAt: '2026-12-04T10:00:00+08:00',
  overdue: false,
  paidAt: null,
  method: null,
  receiptNo: null,
  explanation: null,
  explainedAt: null,
  ...over,
})

describe('paymentState', () => {
  it('reads 未收费, 已收费 and 逾期未收 off the charge', () => {
    expect(paymentState(null)).toBeNull()
    expect(paymentState(undefined)).toBeNull()
    expect(paymentState(charge({}))).toBe('unpaid')
    expect(paymentState(charge({ overdue: true }))).toBe('overdue')
    expect(paymentState(charge({ status: 'paid', overdue: true }))).toBe('paid')
    expect(paymentTone('overdue')).toBe('danger')
    expect(paymentTone('paid')).toBe('success')
  })
})

describe('photoProblem', () => {
  it('takes JPEG, PNG and WebP up to 10 MiB', () => {
    expect(photoProblem({ type: 'image/jpeg', size: 1000 })).toBeNull()
    expect(photoProblem({ type: 'image/webp', size: 10 * 1024 * 1024 })).toBeNull()
    expect(photoProblem({ type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe('photo.tooLarge')
    expect(photoProblem({ type: 'image/gif', size: 10 })).toBe('photo.badType')
    expect(photoProblem({ type: 'application/pdf', size: 10 })).toBe('photo.badType')
  })
})

describe('photosByStage', () => {
  it('groups the report photos before the completion ones and skips empty stages', () => {
    const photos = [
      { id: 1, stage: 'complete' as const },
      { id: 2, stage: 'report' as const },
      { id: 3, stage: 'complete' as const },
    ]
    expect(photosByStage(photos)).toEqual([
      ['report', [{ id: 2, stage: 'report' }]],
      ['complete', [{ id: 1, stage: 'complete' }, { id: 3, stage: 'complete' }]],
    ])
    expect(photosByStage(undefined)).toEqual([])
  })
  it('counts how many more a stage takes', () => {
    expect(photosLeft(0)).toBe(9)
    expect(photosLeft(9)).toBe(0)
    expect(photosLeft(12)).toBe(0)
  })
})
