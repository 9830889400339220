import type { Grade, SpotCheckBody, SpotCheckKind, SpotRubricItem } from '@/api/spot-checks'
import type { Staff } from '@/api/org'

/** What the checker fills in: the kind, the person, the items found wanting and a note. */
export interface SpotForm {
  kind: string
  staffId: number | null
  /** Items of the kind's rubric that were not met (all built-in items are pass or fail). */
  failed: number[]
  note: string
}

export function emptySpotForm(kind = 'phone'): SpotForm {
  return { kind, staffId: null, failed: [], note: '' }
}

/** The rubric's items in order, flattened over its sections. */
export function itemsOf(kind: SpotCheckKind | undefined): SpotRubricItem[] {
  return kind?.rubric?.sections.flatMap((s) => s.items) ?? []
}

/** The request body: one `failed` deduction per item not met, only items of the chosen kind. */
export function spotPayload(form: SpotForm, kind: SpotCheckKind | undefined): SpotCheckBody {
  const ids = new Set(itemsOf(kind).map((i) => i.id))
  return {
    staffId: form.staffId ?? 0,
    kind: form.kind,
    note: form.note.trim(),
    deductions: form.failed.filter((id) => ids.has(id)).map((itemId) => ({ itemId, failed: true })),
  }
}

/** Front-desk people first (they are who the checks are for), then everyone else, by name. */
export function checkablePeople(staff: Staff[]): Staff[] {
  const rank = (s: Staff) => (s.role === 'front_desk' ? 0 : s.role === 'command_center' ? 1 : 2)
  return staff.filter((s) => s.active).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'))
}

/** The Element Plus tag type of a grade. */
export function gradeType(grade: Grade | null | undefined): 'danger' | 'success' | 'primary' | 'info' {
  if (grade === 'fail') return 'danger'
  if (grade === 'excellent') return 'success'
  if (grade === 'good') return 'primary'
  return 'info'
}

/** "2026-11" of a local day "2026-11-23". */
export function monthOf(day: string): string {
  return day.slice(0, 7)
}

/** Points as the server gives them (85.71), shown with two decimals; "—" when none. */
export function formatPoints(points: number | null | undefined): string {
  return points === null || points === undefined ? '—' : points.toFixed(2)
}
