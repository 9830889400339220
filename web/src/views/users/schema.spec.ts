import { describe, expect, it } from 'vitest'
import { blankUser, userChangesOf, userPayloadOf, type UserForm } from './schema'

const frontDesk: UserForm = {
  ...blankUser(),
  username: 'liwei',
  displayName: '李伟',
  role: 'front_desk',
  projectIds: [1, 2],
  regionId: 4,
  staffId: 17,
  customerId: 9,
}

describe('user payloads', () => {
  it('sends only the links the role uses', () => {
    expect(userPayloadOf(frontDesk)).toMatchObject({ projectIds: [1, 2], regionId: null, staffId: 17, customerId: null })
    expect(userPayloadOf({ ...frontDesk, role: 'region_manager' })).toMatchObject({ regionId: 4, staffId: 17 })
    expect(userPayloadOf({ ...frontDesk, role: 'owner' })).toMatchObject({ staffId: null, customerId: 9 })
    expect(userPayloadOf({ ...frontDesk, role: 'admin' })).toMatchObject({ projectIds: [], staffId: null })
  })

  it('sends a password only when one was typed', () => {
    expect(userPayloadOf(frontDesk)).not.toHaveProperty('password')
    expect(userPayloadOf({ ...frontDesk, password: 'a-new-secret' }).password).toBe('a-new-secret')
  })

  it('never sends the username of an existing account', () => {
    expect(userChangesOf(frontDesk)).not.toHaveProperty('username')
    expect(userChangesOf(frontDesk)).toMatchObject({ displayName: '李伟', role: 'front_desk' })
  })
})
