import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '@/api/work-orders'
import { assigneeOf, orderNames, placeOf, statusChange, timelineDetails } from './work-order'

describe('an order in words', () => {
  it('is at its unit, else at the common area', () => {
    expect(placeOf({ unitLabel: '玉兰园 1栋 1-102', location: '' })).toBe('玉兰园 1栋 1-102')
    expect(placeOf({ unitLabel: '', location: '1栋大堂' })).toBe('1栋大堂')
  })

  it('is dealt with by the technician, else the team, else the department', () => {
    expect(assigneeOf({ assigneeName: '孙志强', teamName: '维修组', department: '' })).toBe('孙志强')
    expect(assigneeOf({ assigneeName: null, teamName: '维修组', department: '' })).toBe('维修组')
    expect(assigneeOf({ assigneeName: null, teamName: null, department: '工程部' })).toBe('工程部')
  })
})

describe('timeline', () => {
  const t = (key: string, values: Record<string, unknown> = {}) =>
    key === 'workOrder.detail.line' ? `${String(values.label)}=${String(values.value)}` : key.split('.').pop()!
  const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
    at: '2026-11-24T02:52:25+08:00',
    actorName: '李婷婷',
    action: 'dispatch',
    fromStatus: 'registered',
    toStatus: 'dispatched',
    note: '',
    data: {},
    ...over,
  })
  const names = { staff: (id: number) => (id === 8 ? '孙志强' : undefined), team: () => undefined }

  it('names who an order was dispatched to', () => {
    expect(timelineDetails(entry({ data: { assigneeStaffId: 8, assigneeTeamId: 2 } }), names, t)).toEqual(['assignee=孙志强'])
  })

  it('names the current assignee from the order when the staff list is not at hand', () => {
    const order = { assigneeStaffId: 9, assigneeName: '王师傅', assigneeTeamId: 2, teamName: '维修组' }
    const lookup = orderNames(order, names)
    expect(lookup.staff(8)).toBe('孙志强')
    expect(lookup.staff(9)).toBe('王师傅')
    expect(lookup.team(2)).toBe('维修组')
    expect(lookup.staff(10)).toBeUndefined()
  })

  it('spells out a visit and a wait', () => {
    const visit = entry({ action: 'visit', data: { method: 'phone', satisfaction: 'satisfied' } })
    expect(timelineDetails(visit, names, t)).toEqual(['method=phone', 'satisfaction=satisfied'])
    expect(timelineDetails(entry({ action: 'wait', data: { reason: 'parts' } }), names, t)).toEqual(['waitReason=parts'])
  })

  it('spells out a payment: the amount in yuan, the method and the receipt', () => {
    const pay = entry({ action: 'pay', data: { method: 'wechat', amountFen: 9100, receiptNo: 'R-1' } })
    expect(timelineDetails(pay, names, t)).toEqual(['total=¥91.00', 'method=wechat', 'receiptNo=R-1'])
  })

  it('shows a change of status', () => {
    expect(statusChange(entry({}), t)).toBe('registered → dispatched')
    expect(statusChange(entry({ fromStatus: 'accepted', toStatus: 'accepted' }), t)).toBe('')
    expect(statusChange(entry({ fromStatus: '', toStatus: 'registered' }), t)).toBe('registered')
  })
})
