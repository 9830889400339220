import { http } from './http'

/** Company-wide settings (settings.manage). The secret is write-only: GET says only whether it is set. */
export interface Settings {
  webhookUrl: string
  webhookSecretSet: boolean
  unpaidChargeDays: number
}

export interface SettingsUpdate {
  webhookUrl?: string
  webhookSecret?: string
  unpaidChargeDays?: number
}

export const settingsApi = {
  get: () => http.get<Settings>('/settings').then((r) => r.data),
  update: (body: SettingsUpdate) => http.put<Settings>('/settings', body).then((r) => r.data),
}
