import { describe, expect, it } from 'vitest'
import type { CheckAnswer, CheckBody } from '@/api/patrols'
import { CheckQueue, isoWithOffset, newClientId, retryDelay, sendEntry, type QueuedPhoto, type QueueStore, type SendOutcome } from './patrol-queue'

function memoryStore(): QueueStore & { saved: string } {
  return {
    saved: '',
    load() {
      return this.saved ? JSON.parse(this.saved) : { pending: [], rejected: [] }
    },
    save(state) {
      this.saved = JSON.stringify(state)
    },
  }
}

function body(clientId: string): CheckBody {
  return { clientId, planId: 3, checkpointId: 12, madeAt: '2026-11-20T10:05:00+08:00', results: [{ itemId: 31, ok: true }] }
}

const answer = (clientId: string) => ({ duplicate: false, check: { clientId }, alarmsRaised: [], alarmsClosed: [] }) as unknown as CheckAnswer

/** A server that is reachable or not, and records what reached it. */
function server() {
  const state = { online: true, refuse: new Set<string>(), received: [] as string[] }
  const send = async ({ body: b }: { body: CheckBody }): Promise<SendOutcome> => {
    if (!state.online) return { kind: 'retry', error: 'Network Error' }
    state.received.push(b.clientId)
    if (state.refuse.has(b.clientId)) return { kind: 'rejected', error: 'madeAt: more than 72 hours ago' }
    return { kind: 'sent', answer: answer(b.clientId) }
  }
  return { state, send }
}

const entry = (clientId: string, userId = 7) => ({ body: body(clientId), userId, label: clientId })

describe('the offline queue of checks', () => {
  it('sends at once when the network is there', async () => {
    const { state, send } = server()
    const queue = new CheckQueue(memoryStore(), send)
    const result = await queue.submit(entry('a'))
    expect(result.kind).toBe('sent')
    expect(state.received).toEqual(['a'])
    expect(queue.waiting()).toEqual([])
  })

  it('keeps records while offline, in the order they were made, and sends them when the network returns', async () => {
    const { state, send } = server()
    const store = memoryStore()
    const queue = new CheckQueue(store, send)
    state.online = false
    expect((await queue.submit(entry('a'))).kind).toBe('queued')
    expect((await queue.submit(entry('b'))).kind).toBe('queued')
    expect((await queue.submit(entry('c'))).kind).toBe('queued')
    expect(queue.waiting().map((q) => q.body.clientId)).toEqual(['a', 'b', 'c'])
    expect(queue.waiting()[0].attempts).toBe(3)
    expect(queue.waiting()[0].lastError).toBe('Network Error')
    expect(queue.failures).toBe(3)

    // Kept across a reload of the page.
    const reloaded = new CheckQueue(store, send)
    expect(reloaded.waiting().map((q) => q.body.clientId)).toEqual(['a', 'b', 'c'])

    state.online = true
    await reloaded.flush(7)
    expect(state.received).toEqual(['a', 'b', 'c'])
    expect(reloaded.waiting()).toEqual([])
    expect(reloaded.failures).toBe(0)
  })

  it('stores a record once however often it is queued (dedupe by clientId)', async () => {
    const { state, send } = server()
    const queue = new CheckQueue(memoryStore(), send)
    state.online = false
    await queue.submit(entry('a'))
    expect(queue.enqueue(entry('a'))).toBe(false)
    expect(queue.enqueue(entry('b'))).toBe(true)
    expect(queue.waiting()).toHaveLength(2)
    state.online = true
    await Promise.all([queue.flush(7), queue.flush(7)])
    expect(state.received).toEqual(['a', 'b'])
  })

  it('retries a failed send at the next round and stops the round at the first failure', async () => {
    let calls = 0
    const send = async ({ body: b }: { body: CheckBody }): Promise<SendOutcome> => {
      calls += 1
      if (calls === 2) throw new Error('timeout of 30000ms exceeded')
      return { kind: 'sent', answer: answer(b.clientId) }
    }
    const queue = new CheckQueue(memoryStore(), send)
    queue.enqueue(entry('a'))
    queue.enqueue(entry('b'))
    queue.enqueue(entry('c'))
    await queue.flush(7)
    // a went, b failed, so c waited behind it.
    expect(queue.waiting().map((q) => q.body.clientId)).toEqual(['b', 'c'])
    expect(queue.waiting()[0].lastError).toContain('timeout')
    await queue.flush(7)
    expect(queue.waiting()).toEqual([])
    expect(calls).toBe(4)
  })

  it('moves a record the server refuses out of the queue, with the reason, and goes on', async () => {
    const { state, send } = server()
    state.refuse.add('b')
    const queue = new CheckQueue(memoryStore(), send)
    queue.enqueue(entry('a'))
    queue.enqueue(entry('b'))
    queue.enqueue(entry('c'))
    await queue.flush(7)
    expect(state.received).toEqual(['a', 'b', 'c'])
    expect(queue.waiting()).toEqual([])
    expect(queue.refused().map((q) => [q.body.clientId, q.reason])).toEqual([['b', 'madeAt: more than 72 hours ago']])
    queue.dismiss('b')
    expect(queue.refused()).toEqual([])
  })

  it("sends only the signed-in person's records", async () => {
    const { state, send } = server()
    const queue = new CheckQueue(memoryStore(), send)
    queue.enqueue(entry('mine', 7))
    queue.enqueue(entry('theirs', 8))
    await queue.flush(7)
    expect(state.received).toEqual(['mine'])
    expect(queue.waiting(8).map((q) => q.body.clientId)).toEqual(['theirs'])
    expect(queue.waiting(7)).toEqual([])
  })

  it('tells every change to its listeners', async () => {
    const { send } = server()
    const queue = new CheckQueue(memoryStore(), send)
    let changes = 0
    const stop = queue.subscribe(() => (changes += 1))
    queue.enqueue(entry('a'))
    await queue.flush(7)
    expect(changes).toBe(2)
    stop()
    queue.enqueue(entry('b'))
    expect(changes).toBe(2)
  })
})

describe('record helpers', () => {
  it('backs off 5 s, 10 s, 20 s … up to 5 minutes', () => {
    expect([1, 2, 3, 4, 10, 20].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 300_000, 300_000])
  })

  it('makes distinct version-4 UUIDs', () => {
    const a = newClientId()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newClientId()).not.toBe(a)
  })

  it('writes the time with the offset of the phone', () => {
    const text = isoWithOffset(Date.UTC(2026, 10, 20, 2, 5, 9))
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
    expect(new Date(text).getTime()).toBe(Date.UTC(2026, 10, 20, 2, 5, 9))
  })
})

describe('a queued record with photos', () => {
  function deps() {
    const log: string[] = []
    const state = { online: true, uploaded: 0 }
    const blobs = new Map([['k1', new Blob(['a'])], ['k2', new Blob(['b'])]])
    const offline = Object.assign(new Error('Network Error'), { status: 0 })
    return {
      log,
      state,
      blobs,
      deps: {
        record: async (b: CheckBody) => {
          if (!state.online) throw offline
          log.push(`record ${JSON.stringify(b.results)}`)
          return answer(b.clientId)
        },
        upload: async () => {
          if (!state.online) throw offline
          state.uploaded += 1
          log.push(`upload ${100 + state.uploaded}`)
          return 100 + state.uploaded
        },
        photo: async (key: string) => blobs.get(key) ?? null,
        forget: async (key: string) => void blobs.delete(key),
        retryable: (e: unknown) => (e as { status?: number }).status === 0,
      },
    }
  }
  const withPhotos = () => ({
    body: { ...body('p'), results: [{ itemId: 31, ok: false, note: '地漏堵塞' }, { itemId: 32, ok: true }] },
    userId: 7,
    label: 'p',
    projectId: 1,
    queuedAt: 0,
    attempts: 0,
    photos: [{ itemId: 31, key: 'k1' }, { itemId: 31, key: 'k2' }] as QueuedPhoto[],
  })

  it('uploads the photos first and names them on their item', async () => {
    const { log, blobs, deps: d } = deps()
    const outcome = await sendEntry(withPhotos(), d)
    expect(outcome.kind).toBe('sent')
    expect(log).toEqual([
      'upload 101',
      'upload 102',
      'record [{"itemId":31,"ok":false,"note":"地漏堵塞","photoIds":[101,102]},{"itemId":32,"ok":true}]',
    ])
    expect(blobs.size).toBe(0)
  })

  it('uploads a photo only once when the record has to be sent again', async () => {
    const { log, state, deps: d } = deps()
    const entry = withPhotos()
    // The photos went up, then the network dropped before the record.
    const record = d.record
    d.record = async () => {
      throw Object.assign(new Error('Network Error'), { status: 0 })
    }
    expect((await sendEntry(entry, d)).kind).toBe('retry')
    expect(entry.photos.map((p) => p.photoId)).toEqual([101, 102])
    d.record = record
    expect((await sendEntry(entry, d)).kind).toBe('sent')
    expect(state.uploaded).toBe(2)
    expect(log.at(-1)).toContain('"photoIds":[101,102]')
  })

  it('keeps the whole record waiting while offline', async () => {
    const { state, deps: d } = deps()
    state.online = false
    const entry = withPhotos()
    expect(await sendEntry(entry, d)).toEqual({ kind: 'retry', error: 'Network Error' })
    expect(entry.photos.every((p) => !p.photoId)).toBe(true)
  })
})
