import { http, resource } from './http'
import type { Page, PageQuery } from './types'

// ---- regions (片区) --------------------------------------------------------------------------

export interface Region {
  id: number
  name: string
  code: string
  createdAt: string
  updatedAt: string
}

export interface RegionPayload {
  name: string
  code: string
}

export const regionApi = resource<Region, RegionPayload>('/regions')

// ---- projects (项目 / 服务中心) -----------------------------------------------------------------

export interface Project {
  id: number
  regionId: number
  regionName: string
  name: string
  code: string
  timeZone: string
  workStart: string
  workEnd: string
  address: string
  servicePhone: string
  /** Counted by the server from the units; read-only. */
  householdCount: number
  createdAt: string
  updatedAt: string
}

export type ProjectPayload = Omit<Project, 'id' | 'regionName' | 'householdCount' | 'createdAt' | 'updatedAt'>

/** The time zones a project may be in. */
export const PROJECT_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Chongqing',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Singapore',
  'UTC',
] as const

export interface ProjectQuery extends PageQuery {
  regionId?: number
  q?: string
}

export interface TreeBuilding {
  id: number
  name: string
  unitCount: number
}

export interface TreeZone {
  id: number
  name: string
  buildings: TreeBuilding[]
}

/** Zones with their buildings, and the buildings that belong to no zone. */
export interface ProjectTree {
  zones: TreeZone[]
  buildingsWithoutZone: TreeBuilding[]
}

export const projectApi = {
  ...resource<Project, ProjectPayload, ProjectQuery>('/projects'),
  tree: (id: number) => http.get<ProjectTree>(`/projects/${id}/tree`).then((r) => r.data),
}

// ---- zones (园区), buildings (楼栋), units (房屋) ---------------------------------------------------

export interface Zone {
  id: number
  projectId: number
  name: string
}

export interface ZonePayload {
  projectId: number
  name: string
}

export interface ZoneQuery extends PageQuery {
  projectId: number
}

export const zoneApi = resource<Zone, ZonePayload, ZoneQuery>('/zones')

export interface Building {
  id: number
  projectId: number
  zoneId: number | null
  zoneName: string | null
  name: string
  floors: number
  unitCount: number
}

export interface BuildingPayload {
  projectId: number
  zoneId: number | null
  name: string
  floors: number
}

export interface BuildingQuery extends PageQuery {
  projectId: number
  zoneId?: number
}

export const buildingApi = resource<Building, BuildingPayload, BuildingQuery>('/buildings')

export interface Unit {
  id: number
  projectId: number
  buildingId: number
  buildingName: string
  zoneName: string | null
  name: string
  floor: number
  areaSqm: number
  vacant: boolean
  /** e.g. "玉兰园 1栋 1-201" */
  label: string
}

export interface UnitPayload {
  projectId: number
  buildingId: number
  name: string
  floor: number
  areaSqm: number
  vacant: boolean
}

export interface UnitQuery extends PageQuery {
  projectId: number
  buildingId?: number
  q?: string
  vacant?: boolean
}

export const unitApi = resource<Unit, UnitPayload, UnitQuery>('/units')

/** An owner's own units: for an owner, GET /units needs no project and answers theirs only. */
export function listOwnUnits() {
  return http.get<Page<Unit>>('/units', { params: { pageSize: 50 } }).then((r) => r.data.items)
}

// ---- customers (客户) -------------------------------------------------------------------------

export const CUSTOMER_KINDS = ['owner', 'tenant', 'family'] as const
export type CustomerKind = (typeof CUSTOMER_KINDS)[number]

export interface Customer {
  id: number
  projectId: number
  unitId: number
  unitLabel: string
  name: string
  kind: CustomerKind
  /** Masked (138****1234) unless the user holds `customer.view_contact`; see contactMasked. */
  phone: string
  idNumber: string
  contactMasked: boolean
  keyCustomer: boolean
  note: string
  createdAt: string
  updatedAt: string
}

export interface CustomerPayload {
  projectId: number
  unitId: number
  name: string
  kind: CustomerKind
  phone: string
  idNumber?: string
  keyCustomer: boolean
  note: string
}

export interface CustomerQuery extends PageQuery {
  projectId: number
  /** Name or unit label. */
  q?: string
  /** The full phone number or its last 4 digits. */
  phone?: string
  unitId?: number
}

export const customerApi = resource<Customer, CustomerPayload, CustomerQuery>('/customers')

// ---- staff (员工) and teams (班组) --------------------------------------------------------------

export interface Staff {
  id: number
  projectId: number
  name: string
  phone: string
  role: string
  roleName: string
  teamId: number | null
  teamName: string | null
  /** "" for the company's own staff, else the vendor's name (分包方). */
  employer: string
  active: boolean
}

export type StaffPayload = Omit<Staff, 'id' | 'roleName' | 'teamName'>

export interface StaffQuery extends PageQuery {
  projectId: number
  teamId?: number
  q?: string
}

export const staffApi = resource<Staff, StaffPayload, StaffQuery>('/staff')

export const TEAM_KINDS = [
  'customer_service',
  'engineering',
  'security',
  'cleaning',
  'landscaping',
  'clubhouse',
  'command_center',
] as const
export type TeamKind = (typeof TEAM_KINDS)[number]

export interface Team {
  id: number
  projectId: number
  name: string
  kind: TeamKind
  leaderStaffId: number | null
  leaderName: string | null
  memberCount: number
}

export interface TeamPayload {
  projectId: number
  name: string
  kind: TeamKind
  leaderStaffId: number | null
}

export interface TeamQuery extends PageQuery {
  projectId: number
}

export const teamApi = resource<Team, TeamPayload, TeamQuery>('/teams')
