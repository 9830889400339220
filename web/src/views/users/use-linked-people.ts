import { ref, shallowRef, watch, type Ref } from 'vue'
import { customerApi, staffApi } from '@/api/org'
import { MAX_PAGE_SIZE } from '@/api/types'

export interface PersonOption {
  id: number
  label: string
}

/**
 * The staff and customer records an account can be tied to, taken from the projects the account
 * is given: all staff of those projects, and customers found by name or unit.
 */
export function useLinkedPeople(projectIds: Ref<number[]>) {
  const staff = shallowRef<PersonOption[]>([])
  const customers = shallowRef<PersonOption[]>([])
  const searching = ref(false)

  async function loadStaff(ids: number[]) {
    const pages = await Promise.all(
      ids.map((projectId) => staffApi.list({ projectId, pageSize: MAX_PAGE_SIZE }).catch(() => ({ items: [] }))),
    )
    staff.value = pages.flatMap((p) => p.items).map((s) => ({ id: s.id, label: `${s.name} · ${s.roleName}` }))
  }

  async function searchCustomers(q: string) {
    searching.value = true
    try {
      const pages = await Promise.all(
        projectIds.value.map((projectId) =>
          customerApi.list({ projectId, q: q.trim(), pageSize: 20 }).catch(() => ({ items: [] })),
        ),
      )
      customers.value = pages.flatMap((p) => p.items).map((c) => ({ id: c.id, label: `${c.name} · ${c.unitLabel}` }))
    } finally {
      searching.value = false
    }
  }

  /** Shows the customer already tied to the account before any search. */
  async function showCustomer(id: number | null) {
    if (!id || customers.value.some((c) => c.id === id)) return
    const customer = await customerApi.get(id).catch(() => null)
    if (customer) customers.value = [{ id, label: `${customer.name} · ${customer.unitLabel}` }, ...customers.value]
  }

  watch(projectIds, (ids) => void loadStaff(ids), { immediate: true, deep: true })

  return { staff, customers, searching, searchCustomers, showCustomer }
}
