import { onMounted, onScopeDispose, ref, shallowRef } from 'vue'
import { notificationApi, type Notification } from '@/api/notifications'

/** How often the bell asks for the unread count. */
export const NOTIFICATION_POLL_MS = 60_000

/** The bell: the unread count, polled every minute, and the latest notifications when opened. */
export function useNotifications(pollMs = NOTIFICATION_POLL_MS) {
  const unread = ref(0)
  const items = shallowRef<Notification[]>([])
  const loading = ref(false)

  async function refreshCount() {
    try {
      unread.value = await notificationApi.unreadCount()
    } catch {
      // a missed poll is tried again at the next one
    }
  }

  async function loadList() {
    loading.value = true
    try {
      const page = await notificationApi.list({ pageSize: 10 })
      items.value = page.items
    } catch {
      items.value = []
    } finally {
      loading.value = false
    }
    void refreshCount()
  }

  async function markRead(item: Notification) {
    if (item.readAt) return
    await notificationApi.markRead(item.id).catch(() => undefined)
    items.value = items.value.map((n) => (n.id === item.id ? { ...n, readAt: new Date().toISOString() } : n))
    unread.value = Math.max(0, unread.value - 1)
  }

  async function markAllRead() {
    await notificationApi.markAllRead().catch(() => undefined)
    await loadList()
  }

  const timer = setInterval(() => void refreshCount(), pollMs)
  onScopeDispose(() => clearInterval(timer))
  onMounted(() => void refreshCount())

  return { unread, items, loading, refreshCount, loadList, markRead, markAllRead }
}
