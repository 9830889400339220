import type { Charge } from '@/api/work-orders'
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_STAGE,
  PHOTO_TYPES,
  type PaymentState,
  type PhotoStage,
} from '@/constants/charges'

/** 未收费, 已收费 or 逾期未收; null when nothing is charged. */
export function paymentState(charge: Charge | null | undefined): PaymentState | null {
  if (!charge) return null
  if (charge.status === 'paid') return 'paid'
  return charge.overdue ? 'overdue' : 'unpaid'
}

/** The tag colour of a payment state. */
export function paymentTone(state: PaymentState): 'success' | 'warning' | 'danger' {
  return state === 'paid' ? 'success' : state === 'overdue' ? 'danger' : 'warning'
}

/** Why a picked file cannot be sent: a message key, or null when it can. */
export function photoProblem(file: { type: string; size: number }): 'photo.badType' | 'photo.tooLarge' | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'photo.badType'
  if (file.size > MAX_PHOTO_BYTES) return 'photo.tooLarge'
  return null
}

/** The photos of an order grouped by stage, in stage order; stages without photos are left out. */
export function photosByStage<P extends { stage: PhotoStage }>(photos: readonly P[] | undefined): [PhotoStage, P[]][] {
  const groups: [PhotoStage, P[]][] = []
  for (const stage of ['report', 'complete'] as const) {
    const of = (photos ?? []).filter((p) => p.stage === stage)
    if (of.length) groups.push([stage, of])
  }
  return groups
}

/** How many more photos a stage takes, given how many it has or are picked. */
export const photosLeft = (count: number) => Math.max(0, MAX_PHOTOS_PER_STAGE - count)
