import type { PayBody, PayMethod } from '@/api/charges'
import type { Charge } from '@/api/work-orders'

/** The form of 收费 and of 逾期说明. */
export interface ChargeForm {
  method: PayMethod | undefined
  receiptNo: string
  explanation: string
}

export function blankChargeForm(charge: Pick<Charge, 'explanation'> | null | undefined): ChargeForm {
  return { method: undefined, receiptNo: '', explanation: charge?.explanation ?? '' }
}

/** 收费 takes the whole total: the server refuses any other amount. */
export function payBody(form: ChargeForm, charge: Pick<Charge, 'totalFen'>): PayBody {
  if (!form.method) throw new Error('a payment method is required')
  const body: PayBody = { method: form.method, amountFen: charge.totalFen }
  const receiptNo = form.receiptNo.trim()
  if (receiptNo) body.receiptNo = receiptNo
  return body
}
