import { onMounted, ref, shallowRef } from 'vue'
import { workOrderApi, type WorkOrder } from '@/api/work-orders'
import { useCategories } from '@/composables/use-categories'

/** 我的报修: an owner's own orders (the server shows an owner nothing else), newest deadlines first. */
export function useMyOrders() {
  const orders = shallowRef<WorkOrder[]>([])
  const loading = ref(false)
  /** The cards whose progress (timeline) is open. */
  const expanded = ref(new Set<number>())
  const { categoryName } = useCategories()

  async function load() {
    loading.value = true
    try {
      orders.value = (await workOrderApi.list({ pageSize: 100 })).items
    } catch {
      orders.value = []
    } finally {
      loading.value = false
    }
  }

  function toggle(id: number) {
    const next = new Set(expanded.value)
    if (!next.delete(id)) next.add(id)
    expanded.value = next
  }

  function onRated(after: WorkOrder) {
    orders.value = orders.value.map((o) => (o.id === after.id ? after : o))
  }

  onMounted(load)

  return { orders, loading, expanded, categoryName, load, toggle, onRated }
}
