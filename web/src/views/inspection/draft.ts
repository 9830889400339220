import type { DeductionPayload, Inspection, ScoredItem } from '@/api/inspections'
import { hasFinding, type Finding } from '@/utils/inspection'

/** What the inspector is typing for one item, before it is recorded. */
export interface ItemDraft extends Finding {
  note: string
  /** The recorded photos kept (the inspector may drop some). */
  photoIds: number[]
  /** Photos picked on the device, sent when the item is recorded. */
  files: File[]
}

export function draftOf(item: ScoredItem): ItemDraft {
  const d = item.deduction
  return d
    ? { amounts: [...d.amounts], occurrences: d.occurrences, failed: d.failed, note: d.note, photoIds: (d.photos ?? []).map((p) => p.id), files: [] }
    : { amounts: [], occurrences: 0, failed: false, note: '', photoIds: [], files: [] }
}

/** Whether the draft differs from what the server has for the item. */
export function isDirty(item: ScoredItem, draft: ItemDraft): boolean {
  const saved = draftOf(item)
  return (
    saved.note !== draft.note.trim() ||
    saved.failed !== draft.failed ||
    saved.occurrences !== (draft.occurrences ?? 0) ||
    saved.amounts.length !== draft.amounts.length ||
    saved.amounts.some((a, i) => a !== draft.amounts[i]) ||
    photosChanged(item, draft)
  )
}

/** Whether photos were picked or recorded ones dropped. */
export function photosChanged(item: ScoredItem, draft: ItemDraft): boolean {
  const saved = draftOf(item).photoIds
  return draft.files.length > 0 || saved.length !== draft.photoIds.length || saved.some((id, i) => id !== draft.photoIds[i])
}

/** The body of `POST /inspections/{id}/deductions`: only the field the item's rule reads. */
export function deductionPayload(item: ScoredItem, draft: ItemDraft, uploaded: readonly number[] = []): DeductionPayload {
  const body: DeductionPayload = { itemId: item.id, note: draft.note.trim() }
  // photoIds only when photos change: the deduction keeps its photos otherwise.
  if (photosChanged(item, draft) || uploaded.length) body.photoIds = [...draft.photoIds, ...uploaded]
  if (item.rule === 'range') body.amounts = [...draft.amounts]
  else if (item.rule === 'per_occurrence') body.occurrences = draft.occurrences ?? 0
  else body.failed = draft.failed
  return body
}

/** The first amount offered for a missing point: the least the range allows. */
export function firstAmount(item: ScoredItem): number {
  return item.deductMin ?? 0
}

/** Every item of an inspection, in rubric, section and item order. */
export function itemsOf(inspection: Inspection): ScoredItem[] {
  return inspection.rubrics.flatMap((r) => (r.sections ?? []).flatMap((s) => s.items))
}

/** The item ids whose draft is not recorded yet and still has something in it or changed. */
export function pendingFindings(inspection: Inspection, drafts: ReadonlyMap<number, ItemDraft>): Map<number, Finding> {
  const out = new Map<number, Finding>()
  for (const item of itemsOf(inspection)) {
    const draft = drafts.get(item.id)
    if (draft && isDirty(item, draft)) out.set(item.id, draft)
  }
  return out
}

export { hasFinding }
