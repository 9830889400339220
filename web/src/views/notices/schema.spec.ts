import { describe, expect, it } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { checkNotice, emptyNoticeForm, noticePayload, noticeRules, periodText, type NoticeForm } from './schema'

describe('notice form', () => {
  it('asks works for their dates and keeps the end after the start', () => {
    const form = { ...emptyNoticeForm(), kind: 'works' as const, title: '电梯更换', body: '停用一周' }
    expect(checkNotice(form)).toEqual({ validFrom: 'notice.worksNeedDates', validTo: 'notice.worksNeedDates' })
    expect(checkNotice({ ...form, validFrom: '2026-12-05', validTo: '2026-12-01' })).toEqual({ validTo: 'notice.toBeforeFrom' })
    expect(checkNotice({ ...form, validFrom: '2026-12-01', validTo: '2026-12-05' })).toEqual({})
  })

  it('puts what checkNotice finds on the form items, in Chinese', () => {
    let form: NoticeForm = { ...emptyNoticeForm(), kind: 'works', title: '电梯更换', body: '停用一周' }
    const rules = noticeRules(() => form)
    const check = (field: 'title' | 'validFrom' | 'validTo') => {
      let out: string | undefined
      const rule = (rules[field] as FormItemRule[])[0]!
      rule.validator!(rule, undefined, (e?: string | Error) => (out = e instanceof Error ? e.message : e), {}, {})
      return out
    }
    expect(check('validFrom')).toBe('维修施工须填写开始和结束日期')
    expect(check('title')).toBeUndefined()
    form = { ...form, validFrom: '2026-12-05', validTo: '2026-12-01' }
    expect(check('validFrom')).toBeUndefined()
    expect(check('validTo')).toBeTruthy()
  })

  it('sends open ends as null and trims the text', () => {
    const body = noticePayload({ ...emptyNoticeForm(), title: ' 标准 ', body: ' 内容 ' })
    expect(body).toEqual({ kind: 'service_standard', title: '标准', body: '内容', validFrom: null, validTo: null, pinned: false })
  })

  it('words the period', () => {
    const t = (key: string, v?: Record<string, unknown>) => `${key}:${String(v?.day)}`
    expect(periodText({ validFrom: '2026-12-01', validTo: '2026-12-10' }, t)).toBe('2026-12-01 ~ 2026-12-10')
    expect(periodText({ validFrom: null, validTo: '2026-12-10' }, t)).toBe('notice.until:2026-12-10')
    expect(periodText({ validFrom: null, validTo: null }, t)).toBe('')
  })
})
