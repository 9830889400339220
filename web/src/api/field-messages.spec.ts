import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import type { Translate } from './errors'
import { localiseDetails, localiseFieldMessage } from './field-messages'

function translator(locale: 'zh-CN' | 'en-US'): Translate {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages })
  return (key, params = {}) => (i18n.global.te(key, locale) ? i18n.global.t(key, params) : undefined)
}
const zh = translator('zh-CN')
const en = translator('en-US')

describe('localiseFieldMessage in Chinese', () => {
  it('translates the messages of json::Input', () => {
    expect(localiseFieldMessage('title', 'is required', zh)).toBe('必填')
    expect(localiseFieldMessage('title', 'must not be null', zh)).toBe('必填')
    expect(localiseFieldMessage('name', 'must be at most 100 characters', zh)).toBe('最多 100 个字符')
    expect(localiseFieldMessage('note', 'must be at least 2 characters', zh)).toBe('至少 2 个字符')
    expect(localiseFieldMessage('score', 'must be between 0 and 100', zh)).toBe('应在 0 到 100 之间')
    expect(localiseFieldMessage('priceFen', 'must have at most two decimal places', zh)).toBe('最多两位小数')
    expect(localiseFieldMessage('kind', 'must be one of: draft, published, withdrawn', zh)).toBe(
      '应为以下之一：draft, published, withdrawn',
    )
    expect(localiseFieldMessage('photoIds', 'must be a list of at most 9 ids', zh)).toBe('最多 9 项')
    expect(localiseFieldMessage('extra', 'is not a known field', zh)).toBe('不是可识别的字段')
  })

  it('translates the checks of the modules, with their figures', () => {
    expect(localiseFieldMessage('from', 'must be a date YYYY-MM-DD', zh)).toBe('应为日期（年-月-日）')
    expect(localiseFieldMessage('day', 'must be a date written YYYY-MM-DD', zh)).toBe('应为日期（年-月-日）')
    expect(localiseFieldMessage('month', 'must be a month YYYY-MM', zh)).toBe('应为月份（年-月）')
    expect(localiseFieldMessage('pageSize', 'must be an integer from 1 to 100', zh)).toBe('应在 1 到 100 之间')
    expect(localiseFieldMessage('phone', 'must be a phone number of 7 to 13 digits', zh)).toBe(
      '请输入有效的电话号码（7 到 13 位数字）',
    )
    expect(localiseFieldMessage('code', 'is taken', zh)).toBe('已被使用')
    expect(localiseFieldMessage('responsibleStaffId', 'is not active staff of the inspected project', zh)).toBe(
      '不是该项目的在职员工',
    )
    expect(localiseFieldMessage('madeAt', 'must be within the last 7 days', zh)).toBe('应在最近 7 天内')
  })

  it('names the other field of a comparison by its label', () => {
    expect(localiseFieldMessage('to', 'must not be before from', zh)).toBe('不能早于开始日期')
    expect(localiseFieldMessage('workEnd', 'must be after workStart', zh)).toBe('应晚于上班时间')
  })

  it('shows an unknown message raw after the field label, and raw alone without a label', () => {
    expect(localiseFieldMessage('deadline', 'must be a day of the campaign', zh)).toBe(
      '整改期限：must be a day of the campaign',
    )
    expect(localiseFieldMessage('sections[2].items[0].title', 'is something new', zh)).toBe(
      '标题：is something new',
    )
    expect(localiseFieldMessage('mysteryField', 'is something new', zh)).toBe('is something new')
  })
})

describe('localiseFieldMessage in English', () => {
  it('keeps the server words as they are', () => {
    expect(localiseFieldMessage('title', 'is required', en)).toBe('is required')
    expect(localiseFieldMessage('to', 'must not be before from', en)).toBe('must not be before from')
    expect(localiseFieldMessage('deadline', 'must be a day of the campaign', en)).toBe('must be a day of the campaign')
  })
})

describe('localiseDetails', () => {
  it('localises every field of a body', () => {
    expect(localiseDetails({ title: 'is required', name: 'must be at most 50 characters' }, zh)).toEqual({
      title: '必填',
      name: '最多 50 个字符',
    })
  })
})
