import type { FormRules } from 'element-plus'
import type { Inspection, InspectionKind, InspectionMethod, InspectionPayload, TargetKind } from '@/api/inspections'
import type { TableColumn } from '@/components/types'
import { i18n } from '@/locales'
import { isoDay } from '@/utils/day'
import { formatPoints } from '@/utils/inspection'
import { chosen, maxLength, required } from '@/utils/rules'

const t = (key: string) => i18n.global.t(key)

export const inspectionColumns: TableColumn<Inspection>[] = [
  { prop: 'day', label: 'inspection.day', width: 110 },
  { prop: 'projectName', label: 'inspection.project', minWidth: 140 },
  { prop: 'target', label: 'inspection.target', minWidth: 140 },
  { prop: 'kind', label: 'inspection.kind', width: 110, formatter: (i) => `${t(`inspection.kinds.${i.kind}`)} · ${t(`inspection.methods.${i.method}`)}` },
  { prop: 'scheme', label: 'inspection.scheme', minWidth: 150, formatter: (i) => i.scheme.name },
  { prop: 'inspectors', label: 'inspection.inspectors', minWidth: 110, formatter: (i) => i.inspectors.map((x) => x.name).join(t('common.listSeparator')) },
  { prop: 'deductionCount', label: 'inspection.deductionCount', width: 80 },
  { prop: 'score', label: 'inspection.score', width: 90, formatter: (i) => formatPoints(i.score) },
  { prop: 'grade', label: 'inspection.grade', width: 100 },
  { prop: 'status', label: 'common.status', width: 90 },
]

export interface PlanForm {
  schemeId: number | null
  kind: InspectionKind
  projectId: number | null
  targetKind: TargetKind
  targetId: number | null
  method: InspectionMethod
  day: string
  inspectorIds: number[]
  note: string
}

export function blankPlan(projectId: number | null, kind: InspectionKind): PlanForm {
  return { schemeId: null, kind, projectId, targetKind: 'project', targetId: projectId, method: 'unannounced', day: isoDay(new Date()), inspectorIds: [], note: '' }
}

export const planRules: FormRules<PlanForm> = {
  schemeId: [chosen()],
  projectId: [chosen()],
  targetId: [chosen()],
  method: [chosen()],
  day: [required('change')],
  note: [maxLength(2000)],
}

/** The body: a project target is the project itself; no inspectors means the caller. */
export function planPayload(form: PlanForm): InspectionPayload {
  const body: InspectionPayload = {
    schemeId: form.schemeId!,
    kind: form.kind,
    targetKind: form.targetKind,
    targetId: form.targetKind === 'project' ? form.projectId! : form.targetId!,
    method: form.method,
    day: form.day,
    note: form.note.trim(),
  }
  if (form.inspectorIds.length) body.inspectorIds = [...form.inspectorIds]
  return body
}
