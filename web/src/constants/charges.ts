/** Paid repairs (W7): how a payment is made and where a charge stands. Importable by unit tests. */

export const PAY_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer'] as const
export type PayMethod = (typeof PAY_METHODS)[number]

export type ChargeStatus = 'unpaid' | 'paid'

/** What the order page shows: 未收费, 已收费, 逾期未收. */
export const PAYMENT_STATES = ['unpaid', 'paid', 'overdue'] as const
export type PaymentState = (typeof PAYMENT_STATES)[number]

/** Where a photo was taken: with the owner's report or at completion. */
export const PHOTO_STAGES = ['report', 'complete'] as const
export type PhotoStage = (typeof PHOTO_STAGES)[number]

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
export const MAX_PHOTOS_PER_STAGE = 9

/** At most this many material and charge rows on one completion. */
export const MAX_COMPLETION_ROWS = 20
