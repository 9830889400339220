import type { FormRules } from 'element-plus'
import type { Team, TeamPayload } from '@/api/org'
import type { TableColumn } from '@/components/types'
import { i18n } from '@/locales'
import { chosen, maxLength, required } from '@/utils/rules'

export const teamColumns: TableColumn<Team>[] = [
  { prop: 'name', label: 'team.name', minWidth: 150 },
  { prop: 'kind', label: 'team.kind', width: 130, formatter: (team) => i18n.global.t(`team.kinds.${team.kind}`) },
  { prop: 'leaderName', label: 'team.leader', width: 130 },
  { prop: 'memberCount', label: 'team.memberCount', width: 100 },
]

export const teamRules: FormRules<TeamPayload> = {
  name: [required(), maxLength(50)],
  kind: [chosen()],
}

export function blankTeam(projectId: number): TeamPayload {
  return { projectId, name: '', kind: 'customer_service', leaderStaffId: null }
}

export function teamFormOf(team: Team): TeamPayload {
  const { projectId, name, kind, leaderStaffId } = team
  return { projectId, name, kind, leaderStaffId }
}
