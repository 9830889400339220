import type { FormRules } from 'element-plus'
import type { Staff, StaffPayload } from '@/api/org'
import type { Role } from '@/api/users'
import type { TableColumn } from '@/components/types'
import { chosen, maxLength, phoneNumber, required } from '@/utils/rules'

export const staffColumns: TableColumn<Staff>[] = [
  { prop: 'name', label: 'staff.name', minWidth: 110 },
  { prop: 'phone', label: 'staff.phone', width: 140 },
  { prop: 'roleName', label: 'staff.role', width: 130 },
  { prop: 'teamName', label: 'staff.team', minWidth: 130 },
  { prop: 'employer', label: 'staff.employer', minWidth: 140 },
  { prop: 'active', label: 'common.status', width: 90 },
]

/** Roles a member of staff can hold: every role but the owners' (业主 are customers). */
export const staffRoles = (roles: Role[]) => roles.filter((role) => role.code !== 'owner')

/** The dialog's form; `outsourced` says whether `employer` names a vendor (分包方). */
export type StaffForm = StaffPayload & { outsourced: boolean }

export function staffRules(form: StaffForm): FormRules<StaffForm> {
  return {
    name: [required(), maxLength(50)],
    phone: [required(), maxLength(20), phoneNumber()],
    role: [chosen()],
    employer: form.outsourced ? [required(), maxLength(100)] : [],
  }
}

export function blankStaff(projectId: number): StaffForm {
  return { projectId, name: '', phone: '', role: '', teamId: null, employer: '', active: true, outsourced: false }
}

export function staffFormOf(s: Staff): StaffForm {
  const { projectId, name, phone, role, teamId, employer, active } = s
  return { projectId, name, phone, role, teamId, employer, active, outsourced: employer !== '' }
}

/** Own staff are sent with employer "". */
export function staffPayloadOf(form: StaffForm): StaffPayload {
  const { outsourced, ...payload } = form
  return { ...payload, phone: payload.phone.trim(), employer: outsourced ? payload.employer.trim() : '' }
}

/** An edit leaves out the project, which does not change. */
export function staffChangesOf(form: StaffForm): Partial<Omit<StaffPayload, 'projectId'>> {
  const { projectId: _project, ...changes } = staffPayloadOf(form)
  return changes
}
