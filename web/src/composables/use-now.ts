import { onScopeDispose, ref } from 'vue'

/** The time now (ms), moving on every `everyMs`: countdowns read it to stay current. */
export function useNow(everyMs = 30_000) {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), everyMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
