import { computed, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { workOrderApi, type WorkOrder, type WorkOrderDetail } from '@/api/work-orders'
import { useCategories } from '@/composables/use-categories'
import { useNow } from '@/composables/use-now'
import { PERMISSIONS } from '@/constants/permissions'
import { useUserStore } from '@/stores/user'
import { canRate } from '../schema'

/** One order on the phone (from a card or the bell): its steps for a technician, 评价 for an owner. */
export function useOrder() {
  const route = useRoute()
  const user = useUserStore()
  const order = ref<WorkOrderDetail | null>(null)
  const loading = ref(false)
  const { categoryName } = useCategories()
  const now = useNow()

  const id = computed(() => Number(route.params.id))
  const rateable = computed(() => !!order.value && user.can(PERMISSIONS.workOrderRate) && canRate(order.value))

  async function load() {
    loading.value = true
    try {
      order.value = await workOrderApi.get(id.value)
    } catch {
      order.value = null
    } finally {
      loading.value = false
    }
  }

  /** A step or a rating answers the order without its timeline: read it again. */
  function onChanged(_after: WorkOrder) {
    void load()
  }

  watch(id, () => void load(), { immediate: true })

  return { order, loading, categoryName, now, rateable, load, onChanged }
}
