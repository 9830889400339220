import type { Campaign, CampaignPhase } from '@/api/campaigns'

const DAY = 86_400_000

/** Milliseconds of a local day "YYYY-MM-DD" at 00:00 UTC: the chart counts whole days only. */
export function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`)
}

/** "11-26" of "2026-11-26". */
export function shortDay(ms: number): string {
  return new Date(ms).toISOString().slice(5, 10)
}

export interface PhaseBar {
  name: string
  state: CampaignPhase['state']
  /** First day, 00:00 */
  start: number
  /** The day after the last day, 00:00: a phase of 11-26 to 11-28 covers three days. */
  end: number
}

/** The phases as bars on a day axis, first phase on top. */
export function phaseBars(campaign: Pick<Campaign, 'phases'>): PhaseBar[] {
  return (campaign.phases ?? []).map((p) => ({ name: p.name, state: p.state, start: dayMs(p.startDay), end: dayMs(p.endDay) + DAY }))
}

const COLORS: Record<string, string> = { done: '#95d475', current: '#409eff', upcoming: '#c8c9cc' }

/**
 * The ECharts option of the timeline: one horizontal bar per phase (an invisible bar up to its
 * start, stacked with one as long as the phase), coloured by state, and today as a red line. The
 * axis counts milliseconds from the campaign's first day.
 */
export function timelineOption(campaign: Campaign, todayLabel: string) {
  const bars = phaseBars(campaign)
  const min = dayMs(campaign.startDay)
  const max = dayMs(campaign.endDay) + DAY
  const today = dayMs(campaign.today) + DAY / 2
  const names = bars.map((b) => b.name).reverse()
  const reversed = [...bars].reverse()
  const offsets = { type: 'bar', stack: 'phase', silent: true, itemStyle: { color: 'transparent' }, data: reversed.map((b) => b.start - min) }
  const lengths = {
    type: 'bar',
    stack: 'phase',
    barWidth: 18,
    data: reversed.map((b) => ({ value: b.end - b.start, itemStyle: { color: COLORS[b.state ?? 'upcoming'], borderRadius: 4 } })),
    markLine: {
      symbol: 'none',
      silent: true,
      lineStyle: { color: '#f56c6c', width: 2 },
      label: { formatter: todayLabel, color: '#f56c6c' },
      data: today >= min && today <= max ? [{ xAxis: today - min }] : [],
    },
  }
  return {
    grid: { left: 110, right: 30, top: 30, bottom: 30 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesIndex: number }) => {
        const b = reversed[p.dataIndex]
        return p.seriesIndex === 1 && b ? `${b.name}<br/>${shortDay(b.start)} ~ ${shortDay(b.end - DAY)}` : ''
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: max - min,
      axisLabel: { formatter: (v: number) => shortDay(v + min) },
      splitLine: { show: true, lineStyle: { type: 'dashed' } },
    },
    yAxis: { type: 'category', data: names, axisTick: { show: false } },
    series: [offsets, lengths] as const,
  }
}
