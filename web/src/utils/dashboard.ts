import type { Colour, Figure, Target } from '@/api/dashboards'

/** Element Plus tag type of a colour. */
export function colourType(c: Colour): 'success' | 'warning' | 'danger' | 'info' {
  return c === 'green' ? 'success' : c === 'amber' ? 'warning' : c === 'red' ? 'danger' : 'info'
}

/** "85.71%" or "92.5" or "—". */
export function formatFigure(f: Figure, unit: Target['unit']): string {
  if (f.value === null) return '—'
  return unit === 'percent' ? `${f.value}%` : String(f.value)
}
