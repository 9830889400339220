import { onMounted, ref, shallowRef } from 'vue'
import { workOrderApi, type WorkOrder } from '@/api/work-orders'
import { useCategories } from '@/composables/use-categories'
import { useNow } from '@/composables/use-now'
import { useUserStore } from '@/stores/user'

/** 我的工单: the open orders assigned to the signed-in technician, next deadline first. */
export function useOrders() {
  const user = useUserStore()
  const orders = shallowRef<WorkOrder[]>([])
  const total = ref(0)
  const loading = ref(false)
  const { categoryName } = useCategories()
  const now = useNow()
  /** A user who is not on the staff list has no orders of their own. */
  const staffId = user.me?.staffId ?? null

  async function load() {
    if (!staffId) return
    loading.value = true
    try {
      const page = await workOrderApi.list({ assigneeStaffId: staffId, open: true, pageSize: 100 })
      orders.value = page.items
      total.value = page.total
    } catch {
      orders.value = []
    } finally {
      loading.value = false
    }
  }

  /** A step answered with the order after it; a completed order leaves the list of open ones. */
  function onStep(after: WorkOrder) {
    orders.value = orders.value.map((o) => (o.id === after.id ? after : o))
    void load()
  }

  onMounted(load)

  return { staffId, orders, total, loading, categoryName, now, load, onStep }
}
