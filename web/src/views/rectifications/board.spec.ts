import { describe, expect, it } from 'vitest'
import type { Rectification } from '@/api/inspections'
import { actionsOf, columnsOf, responsiblesOf } from './board'

const rect = (id: number, status: Rectification['status'], staffId: number, name: string, dueAt: string) =>
  ({ id, status, responsible: { staffId, name }, dueAt }) as Rectification

describe('the rectification board', () => {
  const items = [rect(1, 'open', 5, '王强', '2026-12-09T00:00:00+08:00'), rect(2, 'open', 6, '李婷婷', '2026-12-05T00:00:00+08:00'), rect(3, 'done', 5, '王强', '2026-12-01T00:00:00+08:00')]

  it('puts each in the column of its state, soonest due first', () => {
    const columns = columnsOf(items)
    expect(columns.open.map((r) => r.id)).toEqual([2, 1])
    expect(columns.done.map((r) => r.id)).toEqual([3])
    expect(columns.verified).toEqual([])
  })

  it('filters by responsible person and lists them once each', () => {
    expect(columnsOf(items, 5).open.map((r) => r.id)).toEqual([1])
    expect(responsiblesOf(items).map((r) => r.staffId).sort()).toEqual([5, 6])
  })

  it('offers completion while open or rejected and verification when done', () => {
    expect(actionsOf('open')).toEqual(['complete'])
    expect(actionsOf('rejected')).toEqual(['complete'])
    expect(actionsOf('done')).toEqual(['verify', 'reject'])
    expect(actionsOf('verified')).toEqual([])
  })
})
