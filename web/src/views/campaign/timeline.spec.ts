import { describe, expect, it } from 'vitest'
import type { Campaign } from '@/api/campaigns'
import { dayMs, phaseBars, shortDay, timelineOption } from './timeline'

const campaign: Campaign = {
  id: 1,
  name: '物业基础服务管理品质提升专项工作',
  goal: '',
  slogans: [],
  startDay: '2026-09-25',
  endDay: '2026-12-31',
  companyWide: true,
  projects: [],
  today: '2026-11-27',
  state: 'running',
  currentPhase: null,
  progress: { done: 1, total: 2, percent: 50 },
  overdueTasks: 0,
  phases: [
    { id: 1, name: '发动宣讲阶段', startDay: '2026-09-25', endDay: '2026-10-15', state: 'done' },
    { id: 4, name: '检查验收阶段', startDay: '2026-11-26', endDay: '2026-11-28', state: 'current' },
  ],
}

describe('campaign timeline', () => {
  it('draws a phase from its first day to the end of its last', () => {
    const [first, acceptance] = phaseBars(campaign)
    expect(first.start).toBe(dayMs('2026-09-25'))
    expect((acceptance.end - acceptance.start) / 86_400_000).toBe(3)
    expect(shortDay(acceptance.start)).toBe('11-26')
  })

  it('puts the first phase on top, offsets each bar from the campaign start and marks today', () => {
    const option = timelineOption(campaign, '今天')
    expect(option.yAxis.data).toEqual(['检查验收阶段', '发动宣讲阶段'])
    expect(option.series[0].data).toEqual([dayMs('2026-11-26') - dayMs('2026-09-25'), 0])
    expect(option.series[1].markLine.data[0]?.xAxis).toBe(dayMs('2026-11-27') + 43_200_000 - dayMs('2026-09-25'))
    expect(option.series[1].data[0]?.itemStyle.color).toBe('#409eff')
  })

  it('marks no today outside the campaign', () => {
    expect(timelineOption({ ...campaign, today: '2027-01-05' }, '今天').series[1].markLine.data).toEqual([])
  })
})
