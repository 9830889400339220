import { describe, expect, it } from 'vitest'
import { isWebhookUrl, settingsFormOf, settingsPayload } from './schema'

describe('the settings form', () => {
  const settings = { webhookUrl: 'https://hooks.example.com/steward', webhookSecretSet: true, unpaidChargeDays: 3 }

  it('never shows the secret and sends it only when typed', () => {
    const form = settingsFormOf(settings)
    expect(form.webhookSecret).toBe('')
    expect(settingsPayload(form)).toEqual({ webhookUrl: 'https://hooks.example.com/steward', unpaidChargeDays: 3 })
    expect(settingsPayload({ ...form, webhookSecret: 's3cret', unpaidChargeDays: 5 })).toEqual({
      webhookUrl: 'https://hooks.example.com/steward',
      webhookSecret: 's3cret',
      unpaidChargeDays: 5,
    })
  })

  it('takes an http(s) address or none', () => {
    expect(isWebhookUrl('')).toBe(true)
    expect(isWebhookUrl('https://a.example/x')).toBe(true)
    expect(isWebhookUrl('ftp://a.example/x')).toBe(false)
    expect(isWebhookUrl('not a url')).toBe(false)
  })
})
