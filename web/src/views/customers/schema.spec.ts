import { describe, expect, it } from 'vitest'
import { customerChanges, newCustomerPayload, type CustomerForm } from './schema'

const form: CustomerForm = {
  projectId: 3,
  unitId: 41,
  name: '王芳',
  kind: 'owner',
  phone: ' 13800138000 ',
  idNumber: '',
  keyCustomer: true,
  note: '',
}

describe('customer payloads', () => {
  it('never sends masked contact details back', () => {
    const changes = customerChanges({ ...form, phone: '138****8000', idNumber: '3301**********1234' }, true)
    expect(changes).not.toHaveProperty('phone')
    expect(changes).not.toHaveProperty('idNumber')
    expect(changes).toMatchObject({ name: '王芳', unitId: 41, keyCustomer: true })
  })

  it('sends plain contact details of an edit, an emptied ID number included', () => {
    expect(customerChanges(form, false)).toMatchObject({ phone: '13800138000', idNumber: '' })
  })

  it('leaves out the ID number of a new customer without one', () => {
    expect(newCustomerPayload(form)).not.toHaveProperty('idNumber')
    expect(newCustomerPayload({ ...form, idNumber: '330102199001011234' }).idNumber).toBe('330102199001011234')
  })
})
