/** A column of PageTable; `label` is an i18n key. A `#cell-<prop>` slot replaces the plain value. */
export interface TableColumn<T> {
  prop: keyof T & string
  label: string
  width?: number
  minWidth?: number
  formatter?: (row: T) => string
}

/** What PageTable offers its parent through a template ref. */
export interface PageTableExposed {
  /** Loads again from the first page, after a filter changed. */
  reload: () => Promise<void>
  /** Loads the current page again, after a record was saved or deleted. */
  refresh: () => Promise<void>
}
