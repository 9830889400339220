import type { FormItemRule, FormRules } from 'element-plus'
import type { Notice, NoticeBody, NoticeKind } from '@/api/notices'
import { i18n } from '@/locales'

/** The notice form; dates are YYYY-MM-DD or empty (open). */
export interface NoticeForm {
  kind: NoticeKind
  title: string
  body: string
  validFrom: string
  validTo: string
  pinned: boolean
}

export function emptyNoticeForm(): NoticeForm {
  return { kind: 'service_standard', title: '', body: '', validFrom: '', validTo: '', pinned: false }
}

export function noticeForm(n: Notice): NoticeForm {
  return { kind: n.kind, title: n.title, body: n.body, validFrom: n.validFrom ?? '', validTo: n.validTo ?? '', pinned: n.pinned }
}

/** Works say when they start and end: the form asks before the server does. */
export function checkNotice(form: NoticeForm): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.title.trim()) errors.title = 'validation.required'
  if (!form.body.trim()) errors.body = 'validation.required'
  if (form.kind === 'works') {
    if (!form.validFrom) errors.validFrom = 'notice.worksNeedDates'
    if (!form.validTo) errors.validTo = 'notice.worksNeedDates'
  }
  if (form.validFrom && form.validTo && form.validTo < form.validFrom) errors.validTo = 'notice.toBeforeFrom'
  return errors
}

/** The dialog's el-form rules: each field says what checkNotice finds wrong with it. */
export function noticeRules(form: () => NoticeForm): FormRules<NoticeForm> {
  const rule = (field: keyof NoticeForm, trigger: 'blur' | 'change'): FormItemRule[] => [
    {
      trigger,
      validator: (_rule, _value, callback) => {
        const key = checkNotice(form())[field]
        callback(key ? new Error(i18n.global.t(key)) : undefined)
      },
    },
  ]
  return { title: rule('title', 'blur'), body: rule('body', 'blur'), validFrom: rule('validFrom', 'change'), validTo: rule('validTo', 'change') }
}

export function noticePayload(form: NoticeForm): NoticeBody {
  return {
    kind: form.kind,
    title: form.title.trim(),
    body: form.body.trim(),
    validFrom: form.validFrom || null,
    validTo: form.validTo || null,
    pinned: form.pinned,
  }
}

/** "12-01 ~ 12-10", "12-01 起", "至 12-10", or "" for a notice without an end. */
export function periodText(n: Pick<Notice, 'validFrom' | 'validTo'>, t: (key: string, v?: Record<string, unknown>) => string): string {
  if (n.validFrom && n.validTo) return `${n.validFrom} ~ ${n.validTo}`
  if (n.validFrom) return t('notice.from', { day: n.validFrom })
  if (n.validTo) return t('notice.until', { day: n.validTo })
  return ''
}
