import { onScopeDispose, ref } from 'vue'

const QUERY = '(max-width: 768px)'

/** True on a phone-sized screen, where the side menu becomes a drawer. */
export function useMobile() {
  const media = window.matchMedia(QUERY)
  const isMobile = ref(media.matches)
  const onChange = (event: MediaQueryListEvent) => {
    isMobile.value = event.matches
  }
  media.addEventListener('change', onChange)
  onScopeDispose(() => media.removeEventListener('change', onChange))
  return isMobile
}
