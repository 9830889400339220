import type { Directive } from 'vue'
import { useUserStore } from '@/stores/user'

type Required = string | string[]

const originalDisplay = new WeakMap<HTMLElement, string>()

function apply(el: HTMLElement, required: Required) {
  if (!originalDisplay.has(el)) originalDisplay.set(el, el.style.display)
  el.style.display = useUserStore().can(required) ? (originalDisplay.get(el) ?? '') : 'none'
}

/**
 * `v-can="'customer.manage'"` (or an array: any one is enough) hides the element from users who
 * lack the permission. The server checks again; this only spares them buttons that would fail.
 */
export const vCan: Directive<HTMLElement, Required> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}
