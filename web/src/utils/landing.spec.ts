import { describe, expect, it } from 'vitest'
import { landingPath } from './landing'

describe('landingPath', () => {
  it('sends owners and technicians to their phone pages, others home', () => {
    expect(landingPath({ role: 'owner' })).toBe('/m/my-orders')
    expect(landingPath({ role: 'technician' })).toBe('/m/orders')
    expect(landingPath({ role: 'front_desk' })).toBe('/')
    expect(landingPath({ role: 'cleaning' })).toBe('/m/patrol')
    expect(landingPath({ role: 'security' })).toBe('/m/patrol')
    expect(landingPath({ role: 'clubhouse' })).toBe('/m/patrol')
    expect(landingPath({ role: 'supervisor' })).toBe('/')
    expect(landingPath(null)).toBe('/')
  })
})
