import { describe, expect, it } from 'vitest'
import { colourType, formatFigure } from '@/utils/dashboard'

describe('dashboard figures', () => {
  it('shows a percent, a mean score or a dash when there is nothing to measure', () => {
    expect(formatFigure({ numerator: 6, denominator: 7, value: 85.71, colour: 'green' }, 'percent')).toBe('85.71%')
    expect(formatFigure({ numerator: 18350, denominator: 2, value: 91.75, colour: 'green' }, 'points')).toBe('91.75')
    expect(formatFigure({ numerator: 0, denominator: 0, value: null, colour: 'none' }, 'percent')).toBe('—')
  })
  it('maps the colours to Element Plus tag types', () => {
    expect(colourType('green')).toBe('success')
    expect(colourType('amber')).toBe('warning')
    expect(colourType('red')).toBe('danger')
    expect(colourType('none')).toBe('info')
  })
})
