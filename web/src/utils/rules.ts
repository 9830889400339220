import type { FormItemRule } from 'element-plus'
import { i18n } from '@/locales'
import { isPhoneNumber } from './phone'

// Form rules read their messages when they fire, so they follow a change of language.
const t = (key: string, values: Record<string, unknown> = {}) => () => i18n.global.t(key, values)

export function required(trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return { required: true, message: t('validation.required'), trigger }
}

/** A non-empty selection (select, radio group). */
export function chosen(): FormItemRule {
  return { required: true, message: t('validation.choose'), trigger: 'change' }
}

export function maxLength(max: number): FormItemRule {
  return { max, message: t('validation.maxLength', { max }), trigger: 'blur' }
}

export function length(min: number, max: number): FormItemRule {
  return { min, max, message: t('validation.length', { min, max }), trigger: 'blur' }
}

export function matches(pattern: RegExp, messageKey: string): FormItemRule {
  return { pattern, message: t(messageKey), trigger: 'blur' }
}

export function numberBetween(min: number, max: number): FormItemRule {
  return {
    type: 'number',
    min,
    max,
    message: t('validation.between', { min, max }),
    trigger: 'change',
  }
}

/** A phone number (see isPhoneNumber); an empty value is left to `required`. */
export function phoneNumber(): FormItemRule {
  return {
    validator: (_rule, value: string, callback) =>
      !value || isPhoneNumber(value) ? callback() : callback(new Error(i18n.global.t('validation.phone'))),
    trigger: 'blur',
  }
}
