import { describe, expect, it } from 'vitest'
import { hasPermission } from './permission'

describe('hasPermission', () => {
  const frontDesk = ['customer.view', 'customer.manage', 'unit.view']

  it('allows what needs no permission', () => {
    expect(hasPermission([], undefined)).toBe(true)
    expect(hasPermission([], null)).toBe(true)
    expect(hasPermission([], [])).toBe(true)
  })

  it('allows a held permission and refuses one not held', () => {
    expect(hasPermission(frontDesk, 'customer.manage')).toBe(true)
    expect(hasPermission(frontDesk, 'customer.view_contact')).toBe(false)
    expect(hasPermission(frontDesk, 'user.manage')).toBe(false)
  })

  it('is satisfied by any one of several', () => {
    expect(hasPermission(frontDesk, ['user.manage', 'unit.view'])).toBe(true)
    expect(hasPermission(frontDesk, ['user.manage', 'region.view'])).toBe(false)
  })

  it('does not take a prefix for a permission', () => {
    expect(hasPermission(['customer.view'], 'customer.view_contact')).toBe(false)
    expect(hasPermission(['customer'], 'customer.view')).toBe(false)
  })

  it('honours wildcards for everything and for one module', () => {
    expect(hasPermission(['*'], 'user.manage')).toBe(true)
    expect(hasPermission(['customer.*'], 'customer.view_contact')).toBe(true)
    expect(hasPermission(['customer.*'], 'customers.view')).toBe(false)
    expect(hasPermission(['customer.*'], 'staff.view')).toBe(false)
  })
})
