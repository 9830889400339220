import { computed, onScopeDispose, ref } from 'vue'
import { patrolApi, type CheckBody } from '@/api/patrols'
import { ApiError } from '@/api/errors'
import { useUserStore } from '@/stores/user'
import { browserPhotoStore } from '@/utils/photo-store'
import { CheckQueue, localStore, newClientId, retryDelay, sendEntry, type QueuedCheck, type QueuedPhoto, type SendOutcome } from '@/utils/patrol-queue'

/**
 * Statuses worth sending again: no answer (offline, timeout), the server busy or failing, or the
 * session gone (the record is sent after the next sign-in). Any other refusal is final.
 */
export function retryable(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500
}

const photos = browserPhotoStore()

function send(entry: QueuedCheck): Promise<SendOutcome> {
  return sendEntry(entry, {
    record: patrolApi.record,
    upload: async (projectId, blob) => (await patrolApi.uploadPhoto(projectId, blob)).id,
    photo: (key) => photos.get(key),
    forget: (key) => photos.remove(key),
    retryable: (error) => retryable(error instanceof ApiError ? error.status : 0),
  })
}

let queue: CheckQueue | null = null
let timer: ReturnType<typeof setTimeout> | null = null
const version = ref(0)

function theQueue(): CheckQueue {
  if (!queue) {
    queue = new CheckQueue(localStore(), send)
    queue.subscribe(() => (version.value += 1))
    window.addEventListener('online', () => void flushNow())
  }
  return queue
}

/** Sends what waits, and after a failure tries again later (5 s, 10 s, … 5 min). */
async function flushNow() {
  const user = useUserStore()
  const q = theQueue()
  if (!user.me) return
  if (timer) clearTimeout(timer)
  timer = null
  await q.flush(user.me.id)
  if (q.waiting(user.me.id).length) timer = setTimeout(() => void flushNow(), retryDelay(q.failures))
}

/** The phone pages' view of the queue: how many records wait, and submitting one. */
export function useCheckQueue() {
  const user = useUserStore()
  const q = theQueue()
  const waiting = computed(() => (version.value, user.me ? q.waiting(user.me.id) : []))
  const refused = computed(() => (version.value, user.me ? q.refused(user.me.id) : []))
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const setOnline = () => (online.value = true)
  const setOffline = () => (online.value = false)
  window.addEventListener('online', setOnline)
  window.addEventListener('offline', setOffline)
  onScopeDispose(() => {
    window.removeEventListener('online', setOnline)
    window.removeEventListener('offline', setOffline)
  })

  /** Queues a record with the photos of its items (kept in IndexedDB until uploaded) and sends it. */
  async function submit(body: CheckBody, label: string, projectId: number, files: { itemId: number; file: File }[] = []) {
    const kept: QueuedPhoto[] = []
    for (const { itemId, file } of files) {
      const key = newClientId()
      await photos.put(key, file)
      kept.push({ itemId, key })
    }
    const result = await q.submit({ body, userId: user.me!.id, label, projectId, photos: kept })
    if (result.kind === 'queued' && !timer) timer = setTimeout(() => void flushNow(), retryDelay(q.failures))
    return result
  }

  return { waiting, refused, online, submit, flush: flushNow, dismiss: (clientId: string) => q.dismiss(clientId) }
}
