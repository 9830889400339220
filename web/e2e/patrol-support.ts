import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { ADMIN, apiLogin, CITY_GARDEN, switchProject, TECHNICIAN } from './support'

/** Demo field logins of 城市花园 (password steward-demo). */
export const CLEANING = { username: 'cleaning', password: 'steward-demo' }
export const CLUBHOUSE = { username: 'clubhouse', password: 'steward-demo' }
export const SUPERVISOR = { username: 'supervisor', password: 'steward-demo' }
export const PM = { username: 'pm', password: 'steward-demo' }
export const SECURITY = { username: 'security', password: 'steward-demo' }

/** A short tag that keeps each run's checkpoint codes apart. */
export const runTag = () => Math.random().toString(36).slice(2, 7).toUpperCase()

/** The local day (+08:00, every demo project) `days` from today, YYYY-MM-DD. */
export function localDay(days = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86400_000)
  return d.toISOString().slice(0, 10)
}

/** Minutes since local midnight in the demo projects now. */
export function localMinute(): number {
  const d = new Date(Date.now() + 8 * 3600_000)
  return d.getUTCHours() * 60 + d.getUTCMinutes()
}

/** The pool's limit periods change at these local minutes: midnight (a new day), opening, noon, closing. */
export const POOL_EDGES = [0, 9 * 60, 12 * 60, 21 * 60]

/**
 * Waits, when the local time (+08:00) is within `marginSeconds` before one of the `edges` (minutes
 * of the day), until a few seconds after it: what the test reads or checks next then happens in one
 * known period and slot, whatever the wall clock says when the run starts. Returns the local minute
 * it goes on at.
 */
export async function clearOfEdges(edges: number[], marginSeconds = 150): Promise<number> {
  const localSecond = () => Math.floor((Date.now() + 8 * 3600_000) / 1000) % 86400
  const now = localSecond()
  for (const edge of edges) {
    const until = (edge * 60 - now + 86400) % 86400  // seconds to the edge, 0 at the edge itself
    if (until > 0 && until <= marginSeconds) {
      await new Promise((resolve) => setTimeout(resolve, (until + 3) * 1000))
      break
    }
  }
  return localMinute()
}

/** Calls the API as a demo user, failing the test on an error status. */
export async function patrolApi(request: APIRequestContext, user = ADMIN) {
  const { token, projects } = await apiLogin(request, user)
  const headers = { Authorization: `Bearer ${token}` }
  const call = async (method: 'get' | 'post' | 'put', path: string, body?: unknown, params?: Record<string, string | number>) => {
    const response = await request[method](`/api/v1${path}`, { headers, data: body, params })
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300)
    return response.json()
  }
  const project = projects.find((p) => p.name === CITY_GARDEN)!
  return {
    project,
    get: (path: string, params?: Record<string, string | number>) => call('get', path, undefined, params),
    post: (path: string, body: unknown) => call('post', path, body),
    put: (path: string, body: unknown) => call('put', path, body),
  }
}

export interface Metric {
  id: number
  code: string
}

/** The built-in metrics by code. */
export async function metrics(api: Awaited<ReturnType<typeof patrolApi>>): Promise<Record<string, number>> {
  const { items } = (await api.get('/patrol-metrics')) as { items: Metric[] }
  return Object.fromEntries(items.map((m) => [m.code, m.id]))
}

/**
 * A pool of one's own in 城市花园, set up as the seed's (open 09:00-21:00; chlorine by period,
 * pH, water 26.5-27.0 °C) with the lifeguards' plan: the run does not depend on the demo's own
 * alarms.
 */
export async function ownPool(request: APIRequestContext) {
  const admin = await patrolApi(request)
  const m = await metrics(admin)
  const tag = runTag()
  const pool = await admin.post('/patrol-checkpoints', {
    projectId: admin.project.id,
    code: `E2E-POOL-${tag}`,
    name: `测试泳池${tag}`,
    kind: 'facility',
    place: '会所游泳馆',
    opensAt: '09:00',
    closesAt: '21:00',
  })
  await admin.put(`/patrol-checkpoints/${pool.id}/limits`, {
    items: [
      { metricId: m.free_chlorine, period: 'open_morning', low: 0.6, high: 1.0 },
      { metricId: m.free_chlorine, period: 'open_afternoon', low: 0.3, high: 0.6 },
      { metricId: m.free_chlorine, period: 'closed', low: 0.3, high: 0.5 },
      { metricId: m.ph, period: 'always', low: 6.8, high: 8.2 },
      { metricId: m.water_temp, period: 'always', low: 26.5, high: 27.0 },
    ],
  })
  const plan = await admin.post('/patrol-plans', {
    projectId: admin.project.id,
    name: `泳池水质检测（测试${tag}）`,
    assignee: { kind: 'role', role: 'clubhouse' },
    schedule: { kind: 'interval', everyMinutes: 60, windows: [{ from: '00:00', to: '24:00' }] },
    graceMinutes: 15,
    checkpointIds: [pool.id],
    items: [
      { label: '余氯', kind: 'reading', metricId: m.free_chlorine },
      { label: 'pH值', kind: 'reading', metricId: m.ph },
      { label: '水温', kind: 'reading', metricId: m.water_temp },
    ],
  })
  return { admin, pool, plan, metrics: m }
}

/**
 * Yesterday's daily post round of 城市花园, for the coverage specs: three posts (东, 西, 南 named
 * `${label}东岗${tag}` and so on), a plan due once a day at 09:00-10:00 with 15 minutes' grace for
 * the security guards, started yesterday (without startsOn yesterday's slots would not be due: a
 * plan is due from its start); `check` records the guard's check of a post yesterday at hh:mm.
 */
export async function yesterdaysPostRound(request: APIRequestContext, label: string) {
  const tag = runTag()
  const admin = await patrolApi(request)
  const post = (side: string) =>
    admin.post('/patrol-checkpoints', { projectId: admin.project.id, code: `E2E-${side}-${tag}`, name: `${label}${side}岗${tag}`, kind: 'post', place: '城市花园' })
  const [east, west, south] = [await post('E'), await post('W'), await post('S')]
  const yesterday = localDay(-1)
  const plan = await admin.post('/patrol-plans', {
    projectId: admin.project.id,
    name: `岗位巡查（${label}${tag}）`,
    startsOn: yesterday,
    assignee: { kind: 'role', role: 'security' },
    schedule: { kind: 'times', times: ['09:00'], slotMinutes: 60 },
    graceMinutes: 15,
    checkpointIds: [east.id, west.id, south.id],
    items: [{ label: '人员在岗', kind: 'check' }],
  })
  const guard = await patrolApi(request, SECURITY)
  const check = (checkpointId: number, time: string) =>
    guard.post('/patrol-checks', {
      clientId: crypto.randomUUID(),
      planId: plan.id,
      checkpointId,
      madeAt: `${yesterday}T${time}:00+08:00`,
      results: [{ itemId: plan.items[0].id, ok: true }],
    })
  return { east, west, south, plan, yesterday, check }
}

/** A chlorine reading within the pool's limit now: morning 0.6-1.0, afternoon 0.3-0.6, closed 0.3-0.5. */
export function goodChlorine(minute = localMinute()): string {
  if (minute >= 9 * 60 && minute < 12 * 60) return '0.80'
  if (minute >= 12 * 60 && minute < 21 * 60) return '0.50'
  return '0.40'
}

/**
 * In the open 转整改 dialog: the technician puts it right, saved; the row then links to the
 * rectification (整改 #n, test id `linkTestId`) instead of offering `makeTestId` again. The link and
 * the rectification's id.
 */
export async function rectifyByTechnician(page: Page, row: Locator, linkTestId: string, makeTestId: string) {
  const dialog = page.getByTestId('rectify-dialog')
  await dialog.getByTestId('rectify-responsible').click()
  await page.getByRole('option', { name: new RegExp(`^${TECHNICIAN.name}（`) }).click()
  await dialog.getByTestId('rectify-save').click()
  await expect(dialog).toBeHidden()
  const link = row.getByTestId(linkTestId)
  await expect(link).toHaveText(/整改 #\d+/)
  await expect(row.getByTestId(makeTestId)).toHaveCount(0)
  return { link, id: Number((await link.textContent())!.replace(/\D+/g, '')) }
}

/** Makes 城市花园 the console's project unless it is already. */
export async function inCityGarden(page: Page) {
  const switcher = page.getByTestId('project-switcher')
  await expect(switcher).toBeVisible()
  if (!((await switcher.textContent()) ?? '').includes(CITY_GARDEN)) await switchProject(page, CITY_GARDEN)
}
