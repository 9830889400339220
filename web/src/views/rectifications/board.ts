import type { Rectification } from '@/api/inspections'
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@/constants/inspections'

/** The board's columns, one per state, each by due time; filtered by responsible person. */
export function columnsOf(items: readonly Rectification[], responsibleStaffId?: number | null) {
  const out = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, [] as Rectification[]])) as Record<RectificationStatus, Rectification[]>
  for (const r of items) if (!responsibleStaffId || r.responsible.staffId === responsibleStaffId) out[r.status].push(r)
  for (const list of Object.values(out)) list.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id))
  return out
}

/** Everyone responsible for something on the board, by name. */
export function responsiblesOf(items: readonly Rectification[]) {
  const seen = new Map<number, string>()
  for (const r of items) seen.set(r.responsible.staffId, r.responsible.name)
  return [...seen].map(([staffId, name]) => ({ staffId, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** What may be done next to a rectification in a state: complete while open or rejected, verify or reject when done. */
export function actionsOf(status: RectificationStatus): ('complete' | 'verify' | 'reject')[] {
  if (status === 'open' || status === 'rejected') return ['complete']
  if (status === 'done') return ['verify', 'reject']
  return []
}
