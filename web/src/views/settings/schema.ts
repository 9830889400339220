import type { FormRules } from 'element-plus'
import type { Settings, SettingsUpdate } from '@/api/settings'
import { i18n } from '@/locales'
import { maxLength, numberBetween } from '@/utils/rules'

export interface SettingsForm {
  webhookUrl: string
  /** Typed to replace the secret; empty keeps the one set. */
  webhookSecret: string
  unpaidChargeDays: number
}

export function settingsFormOf(settings: Settings): SettingsForm {
  return { webhookUrl: settings.webhookUrl, webhookSecret: '', unpaidChargeDays: settings.unpaidChargeDays }
}

/** The secret is write-only: sent only when typed. */
export function settingsPayload(form: SettingsForm): SettingsUpdate {
  const body: SettingsUpdate = { webhookUrl: form.webhookUrl.trim(), unpaidChargeDays: form.unpaidChargeDays }
  if (form.webhookSecret !== '') body.webhookSecret = form.webhookSecret
  return body
}

/** An http(s) address, or nothing (no webhook). */
export function isWebhookUrl(value: string): boolean {
  const text = value.trim()
  if (!text) return true
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

export const settingsRules: FormRules<SettingsForm> = {
  webhookUrl: [
    maxLength(500),
    {
      validator: (_rule, value: string, callback) =>
        isWebhookUrl(value) ? callback() : callback(new Error(i18n.global.t('settings.badUrl'))),
      trigger: 'blur',
    },
  ],
  webhookSecret: [maxLength(200)],
  unpaidChargeDays: [numberBetween(1, 90)],
}
