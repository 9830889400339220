import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { inspectionApi, type Inspection, type ScoredItem } from '@/api/inspections'
import { PERMISSIONS } from '@/constants/permissions'
import { i18n } from '@/locales'
import { useUserStore } from '@/stores/user'
import { findingProblem, formatPoints, gradeOf, runningScore } from '@/utils/inspection'
import { deductionPayload, draftOf, hasFinding, isDirty, itemsOf, pendingFindings, type ItemDraft } from './draft'

/**
 * One inspection: loaded by id, recorded item by item (each save answers the inspection rescored)
 * and submitted. Shared by the console page and the phone page.
 */
export function useInspection(id: () => number) {
  const user = useUserStore()
  const t = i18n.global.t
  const inspection = shallowRef<Inspection | null>(null)
  const loading = ref(false)
  const saving = ref<number | null>(null)
  const submitting = ref(false)
  const drafts = reactive(new Map<number, ItemDraft>())

  function resetDrafts(next: Inspection, only?: number) {
    for (const item of itemsOf(next)) if (only === undefined || item.id === only) drafts.set(item.id, draftOf(item))
  }

  async function load() {
    loading.value = true
    try {
      inspection.value = await inspectionApi.get(id())
      drafts.clear()
      resetDrafts(inspection.value)
    } catch {
      inspection.value = null
    } finally {
      loading.value = false
    }
  }
  watch(id, load, { immediate: true })

  /** Inspectors record; so does anybody with inspection.manage (as the server allows). */
  const canRecord = computed(() => {
    const i = inspection.value
    if (!i || i.status !== 'open' || !user.can(PERMISSIONS.inspectionPerform)) return false
    return user.can(PERMISSIONS.inspectionManage) || i.inspectors.some((x) => x.userId === user.me?.id)
  })

  const pending = computed(() => (inspection.value ? pendingFindings(inspection.value, drafts) : new Map()))
  const score = computed(() => {
    const i = inspection.value
    if (!i) return 0
    if (i.status === 'submitted' || pending.value.size === 0) return i.score
    return runningScore(
      i.rubrics.map((r) => ({ weight: r.weight, sections: (r.sections ?? []).map((s) => ({ items: s.items })) })),
      pending.value,
    )
  })
  const grade = computed(() => (inspection.value?.status === 'submitted' ? inspection.value.grade : gradeOf(score.value)))

  function problemOf(item: ScoredItem): string | null {
    const draft = drafts.get(item.id)
    if (!draft) return null
    const problem = findingProblem(item, draft)
    return problem ? t(problem.key, problem.values ?? {}) : null
  }

  async function record(item: ScoredItem) {
    const i = inspection.value
    const draft = drafts.get(item.id)
    if (!i || !draft) return
    const problem = problemOf(item)
    if (problem) return void ElMessage.warning(problem)
    if (!hasFinding(item, draft) && !item.deduction) return void ElMessage.warning(t('inspection.do.nothingToRecord'))
    saving.value = item.id
    try {
      // Photos first, one by one: a refused photo is reported and the finding is recorded all the same.
      const uploaded: number[] = []
      const failed: string[] = []
      for (const file of draft.files) {
        try {
          uploaded.push((await inspectionApi.uploadPhoto(i.id, file)).id)
        } catch (error) {
          failed.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      if (failed.length) ElMessage({ type: 'warning', message: t('photo.someFailed', { count: failed.length, reasons: failed.join('; ') }), duration: 8000 })
      const next = await inspectionApi.deduct(i.id, deductionPayload(item, draft, uploaded))
      inspection.value = next
      resetDrafts(next, item.id)
      ElMessage.success(t('inspection.do.saved'))
    } catch {
      // the toast says why
    } finally {
      saving.value = null
    }
  }

  /** Takes the item's deduction back (or forgets what was typed when nothing is recorded). */
  async function clear(item: ScoredItem) {
    const i = inspection.value
    if (!i) return
    if (!item.deduction) return void drafts.set(item.id, draftOf(item))
    saving.value = item.id
    try {
      const next = await inspectionApi.removeDeduction(i.id, item.deduction.id)
      inspection.value = next
      resetDrafts(next, item.id)
      ElMessage.success(t('inspection.do.cleared'))
    } catch {
      // the toast says why
    } finally {
      saving.value = null
    }
  }

  async function submit() {
    const i = inspection.value
    if (!i) return
    const unsaved = pending.value.size
    const message =
      (unsaved ? `${t('inspection.do.unsavedConfirm', { count: unsaved })}\n` : '') +
      t('inspection.do.submitConfirm', { score: formatPoints(i.score), grade: t(`inspection.grades.${i.grade}`) })
    try {
      await ElMessageBox.confirm(message, t('inspection.do.submitTitle'), { type: 'warning', confirmButtonText: t('inspection.do.submit'), cancelButtonText: t('common.cancel') })
    } catch {
      return
    }
    submitting.value = true
    try {
      inspection.value = await inspectionApi.submit(i.id)
      drafts.clear()
      resetDrafts(inspection.value)
      ElMessage.success(t('inspection.do.submitted'))
    } catch {
      // the toast says why
    } finally {
      submitting.value = false
    }
  }

  function dirty(item: ScoredItem) {
    const draft = drafts.get(item.id)
    return draft ? isDirty(item, draft) : false
  }

  return { inspection, loading, saving, submitting, drafts, canRecord, pending, score, grade, load, record, clear, submit, problemOf, dirty }
}

export type InspectionState = ReturnType<typeof useInspection>
