import { describe, expect, it } from 'vitest'
import type { Customer } from '@/api/org'
import { blankFilters, blankQuickEntry, filtersFromQuery, quickEntryPayload, registerQuery, withCustomer } from './schema'

const opened = new Date('2026-11-24T09:00:00+08:00')

const customer: Customer = {
  id: 2,
  projectId: 1,
  unitId: 41,
  unitLabel: '玉兰园 1栋 1-102',
  name: '孙涛',
  kind: 'owner',
  phone: '13319098584',
  idNumber: '',
  contactMasked: false,
  keyCustomer: false,
  note: '',
  createdAt: '',
  updatedAt: '',
}

describe('quick entry payload', () => {
  it('registers a repair for a customer found by phone', () => {
    const form = { ...withCustomer(blankQuickEntry(1, opened), customer), category: 'water', title: ' 厨房漏水 ' }
    expect(quickEntryPayload(form, opened)).toEqual({
      projectId: 1,
      kind: 'repair',
      category: 'water',
      priority: 'normal',
      channel: 'phone',
      unitId: 41,
      customerId: 2,
      reporterName: '孙涛',
      reporterPhone: '13319098584',
      title: '厨房漏水',
    })
  })

  it('leaves a masked phone for the clerk to type', () => {
    expect(withCustomer(blankQuickEntry(1), { ...customer, phone: '133****8584', contactMasked: true }).reporterPhone).toBe('')
  })

  it('sends a common area instead of a unit, without the customer', () => {
    const form = {
      ...withCustomer(blankQuickEntry(1, opened), customer),
      place: 'area' as const,
      location: ' 1栋大堂 ',
      category: 'lighting',
      title: '灯不亮',
      description: '  ',
    }
    const payload = quickEntryPayload(form, opened)
    expect(payload.location).toBe('1栋大堂')
    expect(payload).not.toHaveProperty('unitId')
    expect(payload).not.toHaveProperty('customerId')
    expect(payload).not.toHaveProperty('description')
  })

  it('sends the report time only when it was changed', () => {
    const form = blankQuickEntry(1, opened)
    expect(quickEntryPayload(form, opened)).not.toHaveProperty('reportedAt')
    const earlier = { ...form, reportedAt: new Date('2026-11-24T08:30:00+08:00') }
    expect(quickEntryPayload(earlier, opened).reportedAt).toBe('2026-11-24T00:30:00.000Z')
  })
})

describe('register query', () => {
  it('sends only the filters in force', () => {
    expect(registerQuery(blankFilters())).toEqual({
      from: undefined,
      to: undefined,
      overdue: undefined,
      open: undefined,
      q: undefined,
    })
    const query = registerQuery({ ...blankFilters(), status: 'dispatched', overdue: true, dates: ['2026-11-01', '2026-11-24'], q: ' 漏水 ' })
    expect(query).toMatchObject({ status: 'dispatched', overdue: true, from: '2026-11-01', to: '2026-11-24', q: '漏水' })
  })
})

describe('filters from the address', () => {
  it('takes what a dashboard card links with and ignores the rest', () => {
    const f = filtersFromQuery({ projectId: '3', kind: 'complaint', from: '2026-11-01', to: '2026-11-30', overdue: 'true' })
    expect(f.kind).toBe('complaint')
    expect(f.dates).toEqual(['2026-11-01', '2026-11-30'])
    expect(f.overdue).toBe(true)
    expect(f.open).toBe(false)
    expect(filtersFromQuery({})).toEqual(blankFilters())
  })
})
