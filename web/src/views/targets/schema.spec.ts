import { describe, expect, it } from 'vitest'
import { bands, checkTarget } from './schema'

describe('target rows', () => {
  it('names what is wrong', () => {
    expect(checkTarget({ target: 85, amberMargin: 5 })).toEqual({})
    expect(checkTarget({ target: null, amberMargin: 5 })).toEqual({ target: 'target.required' })
    expect(checkTarget({ target: 101, amberMargin: 5 })).toEqual({ target: 'target.range' })
    expect(checkTarget({ target: 85.123, amberMargin: 5 })).toEqual({ target: 'target.decimals' })
    expect(checkTarget({ target: 10, amberMargin: 20 })).toEqual({ amberMargin: 'target.marginAboveTarget' })
  })

  it('shows the bands the dashboard colours by', () => {
    expect(bands({ target: 85, amberMargin: 5 })).toEqual({ green: '≥ 85', amber: '80 – 84.99', red: '< 80' })
    expect(bands({ target: 91, amberMargin: 11 })).toEqual({ green: '≥ 91', amber: '80 – 90.99', red: '< 80' })
    expect(bands({ target: 100, amberMargin: 0 })).toEqual({ green: '≥ 100', amber: null, red: '< 100' })
    expect(bands({ target: 0, amberMargin: 0 })).toEqual({ green: '≥ 0', amber: null, red: null })
  })
})
