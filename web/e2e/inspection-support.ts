import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { apiAs, CITY_GARDEN } from './support'

/** The quality department (品质部), who inspects every project, and the project's own people. */
export const QUALITY = { username: 'quality', password: 'steward-demo' }
export const PM = { username: 'pm', password: 'steward-demo', name: '刘建国' }
export const SUPERVISOR = { username: 'supervisor', password: 'steward-demo', name: '陈静' }

/** The four built-in rubrics of the seed-001 scheme, in its order. */
export const SEED_RUBRICS = ['CS-SUPERVISION', 'FAC-SUPERVISION', 'ONSITE-SERVICE', 'CLUBHOUSE']

type Api = Awaited<ReturnType<typeof apiAs>>

interface SchemeRow {
  id: number
  name: string
  rubrics: { code: string }[]
}

interface InspectionBody {
  id: number
  rubrics: { sections: { items: { id: number; code: string }[] }[] }[]
}

/** Today in Shanghai, as the demo projects keep their days. */
export function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The built-in scheme of seed 001 (four rubrics at 25 %). */
export async function seedScheme(api: Api): Promise<SchemeRow> {
  const { items } = (await api.get('/inspection-schemes')) as { items: SchemeRow[] }
  const scheme = items.find((s) => s.rubrics.map((r) => r.code).join() === SEED_RUBRICS.join())
  expect(scheme, 'the seed-001 scheme is built in').toBeTruthy()
  return scheme!
}

/** A scheme of the customer-service rubric alone (100 %), made for one test. */
export async function customerServiceScheme(api: Api): Promise<SchemeRow> {
  return (await api.post('/inspection-schemes', { name: `E2E 客服专项 ${Date.now()}`, active: true, rubrics: [{ code: 'CS-SUPERVISION', weight: 100 }] })) as SchemeRow
}

/** Plans an unannounced inspection of 城市花园 by the quality department over the API. */
export async function planCityGarden(request: APIRequestContext, schemeOf: (api: Api) => Promise<SchemeRow> = seedScheme) {
  const api = await apiAs(request, QUALITY)
  const project = api.projects.find((p) => p.name === CITY_GARDEN)!
  const scheme = await schemeOf(api)
  const inspection = (await api.post('/inspections', { schemeId: scheme.id, targetKind: 'project', targetId: project.id, method: 'unannounced', day: today() })) as InspectionBody
  const itemIds = new Map(inspection.rubrics.flatMap((r) => r.sections.flatMap((s) => s.items.map((i) => [i.code, i.id] as const))))
  return { api, project, scheme, id: inspection.id, itemIds }
}

/** The active staff of a project with the given staff role, and the leaders of its teams. */
export async function staffOf(api: Api, projectId: number) {
  const staff = ((await api.get('/staff', { projectId, pageSize: 200 })) as { items: { id: number; name: string; role: string; active: boolean }[] }).items.filter((s) => s.active)
  const teams = ((await api.get('/teams', { projectId, pageSize: 200 })) as { items: { leaderStaffId: number | null }[] }).items
  const leaders = new Set(teams.map((t) => t.leaderStaffId).filter((id): id is number => id !== null))
  return {
    managers: staff.filter((s) => s.role === 'project_manager'),
    supervisors: staff.filter((s) => s.role === 'supervisor'),
    /** Team leaders who are not supervisors (those are paid as department heads). */
    teamLeaders: staff.filter((s) => leaders.has(s.id) && !['project_manager', 'deputy_manager', 'supervisor'].includes(s.role)),
  }
}

/** The card of one item on the inspection page. */
export function itemCard(page: Page, code: string): Locator {
  return page.locator(`[data-testid="insp-item"][data-code="${code}"]`)
}

/** Types one amount per missing point into a range item. */
export async function typeAmounts(item: Locator, amounts: number[]) {
  for (let i = 0; i < amounts.length; i++) {
    await item.getByTestId('insp-add-amount').click()
    const input = item.getByTestId('insp-amount').nth(i).locator('input')
    await input.fill(String(amounts[i]))
    await input.press('Tab')
  }
}

/** Records what is typed on an item and waits for the server's answer. */
export async function recordItem(page: Page, item: Locator) {
  const saved = page.waitForResponse((r) => r.url().includes('/deductions') && r.request().method() === 'POST')
  await item.getByTestId('insp-save').click()
  expect((await saved).status()).toBe(200)
  await expect(item.getByTestId('insp-save')).toBeDisabled()
}

/** The menu groups of the inspection pages, for opening them through the side menu. */
export async function openInspectionMenu(page: Page, name: string) {
  const item = page.getByTestId(`menu-${name}`)
  if (!(await item.isVisible())) await page.getByTestId('menu-group-inspections').locator('.el-sub-menu__title').click()
  await item.click()
}
