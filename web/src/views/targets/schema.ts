import type { Target } from '@/api/dashboards'

/** A target as edited on the screen: the threshold and the amber margin below it. */
export interface TargetRow {
  target: number | null
  amberMargin: number | null
}

/** Message keys per field; an empty object when the row may be saved. */
export function checkTarget(row: TargetRow): Partial<Record<keyof TargetRow, string>> {
  const errors: Partial<Record<keyof TargetRow, string>> = {}
  const twoPlaces = (v: number) => Math.round(v * 100) === v * 100
  if (row.target === null || Number.isNaN(row.target)) errors.target = 'target.required'
  else if (row.target < 0 || row.target > 100) errors.target = 'target.range'
  else if (!twoPlaces(row.target)) errors.target = 'target.decimals'
  if (row.amberMargin === null || Number.isNaN(row.amberMargin)) errors.amberMargin = 'target.required'
  else if (row.amberMargin < 0 || row.amberMargin > 100) errors.amberMargin = 'target.range'
  else if (!twoPlaces(row.amberMargin)) errors.amberMargin = 'target.decimals'
  else if (row.target !== null && row.amberMargin > row.target) errors.amberMargin = 'target.marginAboveTarget'
  return errors
}

/**
 * The three bands of a target, as the dashboard colours them (every target is "at least":
 * higher is better): green from the target, amber from target − margin to just below it, red
 * below that. Figures have two decimals, so "just below" is 0.01 less.
 */
export function bands(row: TargetRow): { green: string; amber: string | null; red: string | null } {
  const t = row.target ?? 0
  const m = row.amberMargin ?? 0
  const fmt = (v: number) => (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, '')
  const low = Math.max(0, t - m)
  return {
    green: `≥ ${fmt(t)}`,
    amber: m > 0 && t > 0 ? `${fmt(low)} – ${fmt(t - 0.01)}` : null,
    red: low > 0 ? `< ${fmt(low)}` : null,
  }
}

export function changed(target: Target, row: TargetRow): boolean {
  return row.target !== target.target || row.amberMargin !== target.amberMargin
}
