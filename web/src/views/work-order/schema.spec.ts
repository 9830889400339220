import { describe, expect, it } from 'vitest'
import { actionFields, blankActionForm, formErrorsOf, stepPayload, type ActionForm } from './schema'

const form = (over: Partial<ActionForm>): ActionForm => ({ ...blankActionForm(), ...over })

describe('step payloads', () => {
  it('dispatches to a technician, with the team chosen to find them', () => {
    expect(stepPayload('dispatch', form({ target: 'staff', teamId: 2, staffId: 8 }), 'repair')).toEqual({
      assigneeStaffId: 8,
      assigneeTeamId: 2,
    })
    expect(stepPayload('dispatch', form({ target: 'staff', staffId: 8, note: ' 尽快 ' }), 'repair')).toEqual({
      assigneeStaffId: 8,
      note: '尽快',
    })
  })

  it('dispatches to a team or a department, and nothing else', () => {
    expect(stepPayload('dispatch', form({ target: 'team', teamId: 2, staffId: 8 }), 'repair')).toEqual({ assigneeTeamId: 2 })
    expect(stepPayload('dispatch', form({ target: 'department', department: ' 工程部 ', teamId: 2 }), 'repair')).toEqual({
      department: '工程部',
    })
  })

  it('records a return visit, its comment being the note', () => {
    const visit = form({ method: 'phone', satisfaction: 'satisfied', comment: '师傅很细心', note: 'ignored' })
    expect(stepPayload('visit', visit, 'repair')).toEqual({ method: 'phone', satisfaction: 'satisfied', comment: '师傅很细心' })
    expect(stepPayload('visit', form({ method: 'sms', satisfaction: 'neutral' }), 'repair')).not.toHaveProperty('comment')
  })

  it('asks whether a complaint was valid when closing it, not a repair', () => {
    expect(stepPayload('close', form({ valid: false, rootCause: '误报' }), 'complaint')).toEqual({ valid: false, rootCause: '误报' })
    expect(stepPayload('close', form({ valid: true }), 'repair')).toEqual({})
    expect(actionFields('close', 'complaint')).toContain('valid')
    expect(actionFields('close', 'repair')).not.toContain('valid')
  })

  it('sends the result, the wait reason, the cancel reason and the appointment', () => {
    expect(stepPayload('complete', form({ result: ' 更换角阀 ' }), 'repair')).toEqual({ result: '更换角阀' })
    expect(stepPayload('wait', form({ waitReason: 'parts' }), 'repair')).toEqual({ reason: 'parts' })
    expect(stepPayload('cancel', form({ reason: '业主撤回', note: 'x' }), 'repair')).toEqual({ reason: '业主撤回' })
    const at = new Date('2026-11-24T10:00:00+08:00')
    expect(stepPayload('contact', form({ appointmentAt: at }), 'repair')).toEqual({ appointmentAt: '2026-11-24T02:00:00.000Z' })
    expect(stepPayload('accept', form({}), 'repair')).toEqual({})
  })

  it('completes with the materials used and the charges picked from the price list', () => {
    const extras = {
      materials: [{ name: '角阀', quantity: 1, unit: '个' }],
      charges: [{ priceItemId: 5, quantity: 2 }],
      photos: [],
    }
    expect(stepPayload('complete', form({ result: '更换角阀', extras }), 'repair')).toEqual({
      result: '更换角阀',
      materials: [{ name: '角阀', quantity: 1, unit: '个' }],
      charges: [{ priceItemId: 5, quantity: 2 }],
    })
    expect(actionFields('complete', 'repair')).toContain('extras')
    expect(stepPayload('answer', form({ result: '已答复', extras }), 'consultation')).toEqual({ result: '已答复' })
  })

  it('puts the server field errors on the form items', () => {
    expect(formErrorsOf('dispatch', { assigneeStaffId: 'does not exist' })).toEqual({ staffId: 'does not exist' })
    expect(formErrorsOf('wait', { reason: 'bad' })).toEqual({ waitReason: 'bad' })
    expect(formErrorsOf('cancel', { reason: 'is required' })).toEqual({ reason: 'is required' })
  })
})
