import type { CheckAnswer, CheckBody } from '@/api/patrols'

/**
 * The phone's queue of check records (docs/patrols.md, "Checks, also offline"). A record is made
 * with its own `clientId` (a UUID) and `madeAt`, put in the queue and sent; when the network is
 * down it stays in the queue (kept in localStorage, so a closed browser keeps it too) and is sent
 * again when the network returns or at the next retry. The server stores a record sent twice
 * once, so sending again after a lost answer is safe.
 *
 * Records are sent oldest first, one at a time; the first that cannot be sent for want of a
 * network stops the round, so the order is kept. A record the server refuses (a 4xx answer: the
 * plan was stopped, more than 72 hours passed) can never succeed: it leaves the queue and is kept
 * in `rejected` with the server's reason, for the person to see.
 */
export interface QueuedPhoto {
  itemId: number
  /** Where the picture waits on the phone (photo-store.ts). */
  key: string
  /** Set once uploaded, so a retry does not upload it again. */
  photoId?: number
}

export interface QueuedCheck {
  body: CheckBody
  projectId?: number
  /** Photos of not-ok items, uploaded before the record that names them. */
  photos?: QueuedPhoto[]
  /** Who made it: a shared phone sends each person's records with their own session. */
  userId: number
  /** Shown in the list of waiting records. */
  label: string
  queuedAt: number
  attempts: number
  lastError?: string
}

export interface RejectedCheck extends QueuedCheck {
  reason: string
}

export interface QueueStore {
  load(): { pending: QueuedCheck[]; rejected: RejectedCheck[] }
  save(state: { pending: QueuedCheck[]; rejected: RejectedCheck[] }): void
}

export type SendOutcome =
  | { kind: 'sent'; answer: CheckAnswer }
  | { kind: 'retry'; error: string }
  | { kind: 'rejected'; error: string }

export type Submitted =
  | { kind: 'sent'; answer: CheckAnswer }
  | { kind: 'queued' }
  | { kind: 'rejected'; error: string }

export const QUEUE_STORAGE_KEY = 'steward.patrolQueue'

/** The waits between rounds after a failure: 5 s, 10 s, 20 s … at most 5 minutes. */
export function retryDelay(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 300_000)
}

export class CheckQueue {
  private pending: QueuedCheck[]
  private rejected: RejectedCheck[]
  private flushing: Promise<void> | null = null
  private listeners = new Set<() => void>()
  /** Rounds in a row that stopped for want of a network. */
  failures = 0

  constructor(
    private readonly store: QueueStore,
    /** Sends one record (and its photos first); may note progress on the entry (a photo's id). */
    private readonly send: (entry: QueuedCheck) => Promise<SendOutcome>,
  ) {
    const state = store.load()
    this.pending = state.pending
    this.rejected = state.rejected
  }

  /** Called after every change (the page's counter). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  waiting(userId?: number): QueuedCheck[] {
    return this.pending.filter((q) => userId === undefined || q.userId === userId)
  }

  refused(userId?: number): RejectedCheck[] {
    return this.rejected.filter((q) => userId === undefined || q.userId === userId)
  }

  /** Adds a record unless one with its clientId is queued already; answers whether it was added. */
  enqueue(entry: Omit<QueuedCheck, 'attempts' | 'queuedAt'> & { queuedAt?: number }): boolean {
    if (this.pending.some((q) => q.body.clientId === entry.body.clientId)) return false
    this.pending.push({ ...entry, queuedAt: entry.queuedAt ?? Date.now(), attempts: 0 })
    this.changed()
    return true
  }

  /** Queues a record and sends the queue of its user; answers what became of this record. */
  async submit(entry: Omit<QueuedCheck, 'attempts' | 'queuedAt'>): Promise<Submitted> {
    this.enqueue(entry)
    const answers = new Map<string, Submitted>()
    await this.flush(entry.userId, answers)
    return answers.get(entry.body.clientId) ?? { kind: 'queued' }
  }

  /** Sends the user's waiting records, oldest first, until one cannot be sent. */
  flush(userId: number, answers?: Map<string, Submitted>): Promise<void> {
    // One round at a time; a second caller waits for it and then runs its own.
    const run = (this.flushing ?? Promise.resolve()).then(() => this.round(userId, answers))
    const tail = run.catch(() => undefined)
    this.flushing = tail
    void tail.then(() => {
      if (this.flushing === tail) this.flushing = null
    })
    return run
  }

  dismiss(clientId: string) {
    this.rejected = this.rejected.filter((q) => q.body.clientId !== clientId)
    this.changed()
  }

  private async round(userId: number, answers?: Map<string, Submitted>) {
    for (const entry of [...this.pending]) {
      if (entry.userId !== userId) continue
      if (!this.pending.includes(entry)) continue
      entry.attempts += 1
      let outcome: SendOutcome
      try {
        outcome = await this.send(entry)
      } catch (error) {
        outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) }
      }
      if (outcome.kind === 'retry') {
        entry.lastError = outcome.error
        this.failures += 1
        this.changed()
        return
      }
      this.pending = this.pending.filter((q) => q !== entry)
      if (outcome.kind === 'rejected') {
        this.rejected.push({ ...entry, reason: outcome.error })
        answers?.set(entry.body.clientId, { kind: 'rejected', error: outcome.error })
      } else {
        answers?.set(entry.body.clientId, { kind: 'sent', answer: outcome.answer })
      }
      this.changed()
    }
    this.failures = 0
  }

  private changed() {
    this.store.save({ pending: this.pending, rejected: this.rejected })
    this.listeners.forEach((listener) => listener())
  }
}

/** The queue's home in the browser; unreadable or missing storage gives an empty queue. */
export function localStore(key = QUEUE_STORAGE_KEY): QueueStore {
  return {
    load() {
      try {
        const raw = localStorage.getItem(key)
        const parsed = raw ? (JSON.parse(raw) as { pending?: QueuedCheck[]; rejected?: RejectedCheck[] }) : {}
        return { pending: parsed.pending ?? [], rejected: parsed.rejected ?? [] }
      } catch {
        return { pending: [], rejected: [] }
      }
    },
    save(state) {
      try {
        localStorage.setItem(key, JSON.stringify(state))
      } catch {
        // Storage full or disabled: the queue still lives in memory for this visit.
      }
    },
  }
}

/** A UUID for a new record; crypto.randomUUID needs a secure context, so there is a fallback. */
export function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** An instant as the server wants it: ISO 8601 with the phone's own offset, to the second. */
export function isoWithOffset(ms: number): string {
  const d = new Date(ms)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

export interface SendDeps {
  record: (body: CheckBody) => Promise<CheckAnswer>
  upload: (projectId: number, blob: Blob) => Promise<number>
  photo: (key: string) => Promise<Blob | null>
  forget: (key: string) => Promise<void>
  /** Whether a failure is worth trying again (no network, server busy) or final. */
  retryable: (error: unknown) => boolean
}

/**
 * Sends one queued record: its photos first (each once: the id is kept on the entry, so a retry
 * after a lost answer does not upload it again), then the record with the photos' ids on their
 * items. A photo gone from the phone is left out rather than holding the record back.
 */
export async function sendEntry(entry: QueuedCheck, deps: SendDeps): Promise<SendOutcome> {
  const fail = (error: unknown): SendOutcome => {
    const message = error instanceof Error ? error.message : String(error)
    return deps.retryable(error) ? { kind: 'retry', error: message } : { kind: 'rejected', error: message }
  }
  for (const photo of entry.photos ?? []) {
    if (photo.photoId || !entry.projectId) continue
    const blob = await deps.photo(photo.key)
    if (!blob) continue
    try {
      photo.photoId = await deps.upload(entry.projectId, blob)
    } catch (error) {
      const outcome = fail(error)
      // A picture the server refuses (not an image, too big) is dropped; the check still counts.
      if (outcome.kind === 'retry') return outcome
    }
  }
  const ids = new Map<number, number[]>()
  for (const photo of entry.photos ?? []) if (photo.photoId) ids.set(photo.itemId, [...(ids.get(photo.itemId) ?? []), photo.photoId])
  const body: CheckBody = {
    ...entry.body,
    results: entry.body.results.map((r) => (ids.has(r.itemId) ? { ...r, photoIds: ids.get(r.itemId) } : r)),
  }
  try {
    const answer = await deps.record(body)
    for (const photo of entry.photos ?? []) await deps.forget(photo.key).catch(() => undefined)
    return { kind: 'sent', answer }
  } catch (error) {
    return fail(error)
  }
}
