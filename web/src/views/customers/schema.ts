import type { FormRules } from 'element-plus'
import type { Customer, CustomerPayload } from '@/api/org'
import type { TableColumn } from '@/components/types'
import { i18n } from '@/locales'
import { formatDateTime } from '@/utils/format'
import { chosen, matches, maxLength, phoneNumber, required } from '@/utils/rules'

export const customerColumns: TableColumn<Customer>[] = [
  { prop: 'name', label: 'customer.name', minWidth: 110 },
  { prop: 'kind', label: 'customer.kind', width: 90, formatter: (c) => i18n.global.t(`customer.kinds.${c.kind}`) },
  { prop: 'unitLabel', label: 'customer.unit', minWidth: 180 },
  { prop: 'phone', label: 'customer.phone', width: 150 },
  { prop: 'keyCustomer', label: 'customer.keyCustomer', width: 100 },
  { prop: 'note', label: 'customer.note', minWidth: 140 },
  { prop: 'updatedAt', label: 'common.updatedAt', width: 170, formatter: (c) => formatDateTime(c.updatedAt) },
]

/** The dialog's form: the unit is unset until chosen. */
export type CustomerForm = Omit<CustomerPayload, 'unitId' | 'idNumber'> & { unitId: number | null; idNumber: string }

export function customerRules(contactEditable: boolean): FormRules<CustomerForm> {
  return {
    unitId: [chosen()],
    name: [required(), maxLength(50)],
    kind: [chosen()],
    phone: contactEditable ? [required(), phoneNumber()] : [],
    idNumber: contactEditable ? [matches(/^(\d{15}|\d{17}[\dXx])$/, 'customer.idNumberRule')] : [],
    note: [maxLength(500)],
  }
}

export function blankCustomer(projectId: number): CustomerForm {
  return { projectId, unitId: null, name: '', kind: 'owner', phone: '', idNumber: '', keyCustomer: false, note: '' }
}

export function customerFormOf(c: Customer): CustomerForm {
  const { projectId, unitId, name, kind, phone, idNumber, keyCustomer, note } = c
  return { projectId, unitId, name, kind, phone, idNumber: idNumber ?? '', keyCustomer, note }
}

/** What creating a customer sends; an ID number left empty is left out. */
export function newCustomerPayload(form: CustomerForm): CustomerPayload {
  const { phone, idNumber, unitId, ...rest } = form
  const payload: CustomerPayload = { ...rest, unitId: Number(unitId), phone: phone.trim() }
  if (idNumber.trim()) payload.idNumber = idNumber.trim()
  return payload
}

/**
 * What saving an edited customer sends. Masked contact details (the user may not see them) are
 * never sent back, or they would overwrite the real ones; an emptied ID number is sent, to clear it.
 */
export function customerChanges(
  form: CustomerForm,
  contactMasked: boolean,
): Partial<Omit<CustomerPayload, 'projectId'>> {
  const { phone, idNumber, unitId, name, kind, keyCustomer, note } = form
  const changes: Partial<Omit<CustomerPayload, 'projectId'>> = { unitId: Number(unitId), name, kind, keyCustomer, note }
  if (!contactMasked) {
    changes.phone = phone.trim()
    changes.idNumber = idNumber.trim()
  }
  return changes
}
