/** A page of a list endpoint: `{"items": [...], "total": N}`. */
export interface Page<T> {
  items: T[]
  total: number
}

/** Server-side paging, 1-based; the server defaults pageSize to 20 and caps it at 200. */
export interface PageQuery {
  page?: number
  pageSize?: number
}

export const MAX_PAGE_SIZE = 200
