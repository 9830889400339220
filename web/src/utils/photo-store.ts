/**
 * Photos taken for a check that is still waiting in the queue: kept in IndexedDB (localStorage
 * cannot hold images) until they were uploaded. Where IndexedDB is missing, they live in memory
 * for this visit only.
 */
export interface PhotoStore {
  put(key: string, blob: Blob): Promise<void>
  get(key: string): Promise<Blob | null>
  remove(key: string): Promise<void>
}

const DB_NAME = 'steward-patrol'
const STORE = 'photos'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

export function memoryPhotoStore(): PhotoStore {
  const blobs = new Map<string, Blob>()
  return {
    put: async (key, blob) => void blobs.set(key, blob),
    get: async (key) => blobs.get(key) ?? null,
    remove: async (key) => void blobs.delete(key),
  }
}

export function browserPhotoStore(): PhotoStore {
  if (typeof indexedDB === 'undefined') return memoryPhotoStore()
  let opened: Promise<IDBDatabase> | null = null
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1)
      req.onupgradeneeded = () => req.result.createObjectStore(STORE)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    }))
  const store = async (mode: IDBTransactionMode) => (await db()).transaction(STORE, mode).objectStore(STORE)
  return {
    put: async (key, blob) => void (await request((await store('readwrite')).put(blob, key))),
    get: async (key) => ((await request((await store('readonly')).get(key))) as Blob | undefined) ?? null,
    remove: async (key) => void (await request((await store('readwrite')).delete(key))),
  }
}
