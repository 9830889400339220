import { describe, expect, it } from 'vitest'
import { shiftFormOf, shiftPayload, unexplained } from './schema'

const draft = {
  projectId: 7,
  day: '2026-12-01',
  items: [
    { orderId: 1, code: 'CG-20261201-0001', title: '漏水', status: 'in_progress' as const, nextDueAt: null, reason: '', plan: '' },
    { orderId: 2, code: 'CG-20261201-0002', title: '灯不亮', status: 'waiting' as const, nextDueAt: null, reason: '等材料', plan: '明早换' },
  ],
}

describe('the shift summary', () => {
  it('starts from the draft the server keeps, reasons included', () => {
    const form = shiftFormOf(draft)
    expect(form.items[1].reason).toBe('等材料')
    expect(unexplained(form)).toEqual(['CG-20261201-0001'])
  })
  it('sends every order with its trimmed reason and plan', () => {
    const form = shiftFormOf(draft)
    form.items[0].reason = ' 业主不在家 '
    form.items[0].plan = '明天上午再约'
    form.note = ' 工具间钥匙已交 '
    expect(unexplained(form)).toEqual([])
    expect(shiftPayload(form)).toEqual({
      projectId: 7,
      day: '2026-12-01',
      note: '工具间钥匙已交',
      items: [
        { orderId: 1, reason: '业主不在家', plan: '明天上午再约' },
        { orderId: 2, reason: '等材料', plan: '明早换' },
      ],
    })
  })
  it('does not change the draft it started from', () => {
    const form = shiftFormOf(draft)
    form.items[0].reason = 'x'
    expect(draft.items[0].reason).toBe('')
  })
})
