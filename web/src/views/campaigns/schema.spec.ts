import { describe, expect, it } from 'vitest'
import { campaignPayload, emptyCampaignForm, fromTemplate } from './schema'

const template = {
  code: 'seed001',
  name: '物业基础服务管理品质提升专项工作',
  source: 'seed 001',
  startDay: '2026-09-25',
  endDay: '2026-12-31',
  phases: [
    { name: '发动宣讲阶段', startDay: '2026-09-25', endDay: '2026-10-15' },
    { name: '专项总结阶段', startDay: '2026-12-29', endDay: '2026-12-31' },
  ],
}

describe('campaign form', () => {
  it('takes the template dates and phases, keeping a name already typed', () => {
    const form = fromTemplate({ ...emptyCampaignForm(true), name: '四季度提升' }, template)
    expect(form.name).toBe('四季度提升')
    expect(form.startDay).toBe('2026-09-25')
    expect(form.phases.map((p) => p.name)).toEqual(['发动宣讲阶段', '专项总结阶段'])
    expect(fromTemplate(emptyCampaignForm(true), template).name).toBe(template.name)
  })

  it('sends one slogan a line and no projects for a company-wide campaign', () => {
    const form = { ...fromTemplate(emptyCampaignForm(true), template), slogans: '服务品质我践行\n\n 行为规范我树立 ', projectIds: [3] }
    const body = campaignPayload(form)
    expect(body.slogans).toEqual(['服务品质我践行', '行为规范我树立'])
    expect(body.projectIds).toEqual([])
    expect(body.phases[0]).toEqual({ name: '发动宣讲阶段', startDay: '2026-09-25', endDay: '2026-10-15', note: '' })
    expect(campaignPayload({ ...form, companyWide: false }).projectIds).toEqual([3])
  })
})
