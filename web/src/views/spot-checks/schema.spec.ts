import { describe, expect, it } from 'vitest'
import type { Staff } from '@/api/org'
import type { SpotCheckKind } from '@/api/spot-checks'
import { checkablePeople, emptySpotForm, formatPoints, gradeType, itemsOf, monthOf, spotPayload } from './schema'

const phone: SpotCheckKind = {
  code: 'phone',
  name: '电话抽查',
  nameEn: 'Phone answering',
  rubricCode: 'SPOT-PHONE',
  dailyQuota: 5,
  rubric: {
    id: 9,
    code: 'SPOT-PHONE',
    version: 1,
    name: '电话接听礼仪抽查',
    source: '',
    max: 70,
    itemCount: 2,
    sections: [
      {
        id: 1,
        name: '电话接听礼仪',
        max: 20,
        items: [
          { id: 101, code: 'PH-01', name: '态度亲切热情', standard: '', max: 10, rule: 'all_or_nothing' },
          { id: 107, code: 'PH-07', name: '礼貌用语', standard: '', max: 10, rule: 'all_or_nothing' },
        ],
      },
    ],
  },
}

const person = (id: number, name: string, role: string, active = true): Staff => ({
  id, projectId: 1, name, phone: '', role, roleName: role, teamId: null, teamName: null, employer: '', active,
})

describe('spot check form', () => {
  it('sends one failed deduction per item not met, and none of another kind', () => {
    const form = { ...emptySpotForm(), staffId: 5, failed: [107, 999], note: ' 挂机前未致谢 ' }
    expect(spotPayload(form, phone)).toEqual({
      staffId: 5,
      kind: 'phone',
      note: '挂机前未致谢',
      deductions: [{ itemId: 107, failed: true }],
    })
    expect(itemsOf(phone).map((i) => i.code)).toEqual(['PH-01', 'PH-07'])
    expect(itemsOf(undefined)).toEqual([])
  })

  it('lists active front-desk people first', () => {
    const list = checkablePeople([person(1, '王', 'technician'), person(2, '李', 'front_desk'), person(3, '赵', 'front_desk', false)])
    expect(list.map((s) => s.id)).toEqual([2, 1])
  })

  it('formats points and grades', () => {
    expect(formatPoints(85.71)).toBe('85.71')
    expect(formatPoints(100)).toBe('100.00')
    expect(formatPoints(null)).toBe('—')
    expect(gradeType('fail')).toBe('danger')
    expect(gradeType(null)).toBe('info')
    expect(monthOf('2026-11-23')).toBe('2026-11')
  })
})
