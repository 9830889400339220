import type { FormItemRule, FormRules } from 'element-plus'
import { PROJECT_TIME_ZONES, type Project, type ProjectPayload } from '@/api/org'
import type { TableColumn } from '@/components/types'
import { i18n } from '@/locales'
import { formatDateTime } from '@/utils/format'
import { chosen, matches, maxLength, phoneNumber, required } from '@/utils/rules'

export const projectColumns: TableColumn<Project>[] = [
  { prop: 'name', label: 'project.name', minWidth: 180 },
  { prop: 'code', label: 'project.code', width: 100 },
  { prop: 'regionName', label: 'project.region', width: 140 },
  { prop: 'workStart', label: 'project.workHours', width: 130, formatter: (p) => `${p.workStart}–${p.workEnd}` },
  { prop: 'servicePhone', label: 'project.servicePhone', width: 150 },
  { prop: 'householdCount', label: 'project.householdCount', width: 110 },
  { prop: 'updatedAt', label: 'common.updatedAt', width: 170, formatter: (p) => formatDateTime(p.updatedAt) },
]

/** The dialog's form: the region is unset until chosen. */
export type ProjectForm = Omit<ProjectPayload, 'regionId'> & { regionId: number | null }

/** Working hours end after they start (both "HH:mm"). */
const endsAfterStart = (form: ProjectForm): FormItemRule => ({
  validator: (_rule, value: string, callback) =>
    value && form.workStart && value <= form.workStart
      ? callback(new Error(i18n.global.t('project.endAfterStart')))
      : callback(),
  trigger: 'change',
})

export function projectRules(form: ProjectForm): FormRules<ProjectForm> {
  return {
    regionId: [chosen()],
    name: [required(), maxLength(50)],
    code: [required(), matches(/^[A-Z]{2,8}$/, 'project.codeRule')],
    timeZone: [chosen()],
    workStart: [chosen()],
    workEnd: [chosen(), endsAfterStart(form)],
    address: [maxLength(200)],
    servicePhone: [maxLength(30), phoneNumber()],
  }
}

export const blankProject = (): ProjectForm => ({
  regionId: null,
  name: '',
  code: '',
  timeZone: PROJECT_TIME_ZONES[0],
  workStart: '09:00',
  workEnd: '18:00',
  address: '',
  servicePhone: '',
})

export function projectFormOf(project: Project): ProjectForm {
  const { regionId, name, code, timeZone, workStart, workEnd, address, servicePhone } = project
  return { regionId, name, code, timeZone, workStart, workEnd, address, servicePhone }
}

/** The payload of a validated form (the rules make sure a region is chosen). */
export function projectPayloadOf(form: ProjectForm): ProjectPayload {
  return { ...form, regionId: Number(form.regionId) }
}
