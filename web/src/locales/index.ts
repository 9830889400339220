import { createI18n } from 'vue-i18n'
import { readStorage, STORAGE_KEYS } from '@/utils/storage'
import { buildMessages } from './messages'

export const LOCALES = ['zh-CN', 'en-US'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export const messages = buildMessages(
  import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }),
)

const stored = readStorage(STORAGE_KEYS.locale)

export const i18n = createI18n({
  legacy: false,
  locale: isAppLocale(stored) ? stored : DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages,
})
