import { onMounted, shallowRef } from 'vue'
import { priceItemApi, type PriceItem } from '@/api/charges'
import { MAX_PAGE_SIZE } from '@/api/types'

/** The active items of a project's price list, to charge from at completion. */
export function usePriceList(projectId: () => number | null | undefined, immediate = true) {
  const prices = shallowRef<PriceItem[]>([])
  async function reload() {
    const id = projectId()
    if (!id) return
    try {
      prices.value = (await priceItemApi.list({ projectId: id, active: true, pageSize: MAX_PAGE_SIZE })).items
    } catch {
      prices.value = []
    }
  }
  if (immediate) onMounted(reload)
  return { prices, reload }
}
