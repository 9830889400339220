import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'

/** The administrator that `steward demo` creates. */
export const ADMIN = { username: 'admin', password: 'steward-demo' }

/** Other demo logins of 城市花园: the front desk (李婷婷), a technician and an owner (黄丽华). */
export const FRONT_DESK = { username: 'frontdesk', password: 'steward-demo' }
export const TECHNICIAN = { username: 'tech', password: 'steward-demo', name: '孙志强' }
export const OWNER = { username: 'owner', password: 'steward-demo' }

/** A phone-sized screen. */
export const PHONE = { width: 375, height: 812 }

/** A demo project with four zones. */
export const CITY_GARDEN = '城市花园服务中心'
export const CITY_GARDEN_ZONES = ['玉兰园', '梅花园', '玫瑰园', '桃花园']

export interface DemoProject {
  id: number
  name: string
  code: string
}

/** Signs in through the login page and waits for the console (or the phone pages). */
export async function login(page: Page, user: { username: string; password: string } = ADMIN) {
  await page.goto('/login')
  await page.getByTestId('login-username').fill(user.username)
  await page.getByTestId('login-password').fill(user.password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

/** Chooses a project in the header's project switcher and waits until it shows. */
export async function switchProject(page: Page, name: string) {
  const switcher = page.getByTestId('project-switcher')
  await switcher.click()
  await page.getByRole('option', { name }).click()
  await expect(switcher).toContainText(name)
}

/** The side-menu group of a page, when not 组织架构. */
const MENU_GROUPS: Record<string, string> = {
  users: 'system',
  'work-orders': 'workOrders',
  'sla-rules': 'workOrders',
  calendar: 'workOrders',
  'price-items': 'workOrders',
  'unpaid-charges': 'workOrders',
  'shift-summaries': 'workOrders',
  workload: 'workOrders',
  settings: 'system',
}

/** Opens a page through the side menu, as a person would. */
export async function openMenu(page: Page, name: string) {
  const item = page.getByTestId(`menu-${name}`)
  if (!(await item.isVisible())) {
    const group = MENU_GROUPS[name] ?? 'org'
    await page.getByTestId(`menu-group-${group}`).locator('.el-sub-menu__title').click()
  }
  await item.click()
}

/** The rows of the page's list. */
export function tableRows(page: Page): Locator {
  return page.getByTestId('page-table').locator('tbody tr.el-table__row')
}

/** Signs in over the API: the session token and the user's projects. */
export async function apiLogin(request: APIRequestContext, user: { username: string; password: string } = ADMIN) {
  const response = await request.post('/api/v1/auth/login', { data: { username: user.username, password: user.password } })
  expect(response.status(), await response.text()).toBe(200)
  const body = (await response.json()) as { token: string; user: { projects: DemoProject[] } }
  return { token: body.token, projects: body.user.projects }
}

/** Picks an option of an Element Plus select by its text. */
export async function choose(page: Page, select: Locator, option: string | RegExp) {
  await select.click()
  await page.getByRole('option', { name: option }).first().click()
}

/** A 2×2 PNG, for the photo pickers. */
export const PNG = {
  name: 'leak.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
    'base64',
  ),
}

/** Calls the API as a demo user: GET/POST/PATCH with the bearer token, failing the test on an error status. */
export async function apiAs(request: APIRequestContext, user: { username: string; password: string }) {
  const { token, projects } = await apiLogin(request, user)
  const headers = { Authorization: `Bearer ${token}` }
  const check = async (response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(response.status(), await response.text()).toBeLessThan(300)
    return response.status() === 204 ? null : await response.json()
  }
  return {
    projects,
    get: async (path: string, params?: Record<string, string | number | boolean>) =>
      check(await request.get(`/api/v1${path}`, { headers, params })),
    post: async (path: string, data: unknown) => check(await request.post(`/api/v1${path}`, { headers, data })),
  }
}

/** Registers a repair in 城市花园 at the front desk and dispatches it to the demo technician, over the API. */
export async function dispatchedRepair(request: APIRequestContext, title: string) {
  const desk = await apiAs(request, FRONT_DESK)
  const tech = await apiAs(request, TECHNICIAN)
  const project = desk.projects.find((p) => p.name === CITY_GARDEN)!
  const me = (await tech.get('/me')) as { staffId: number }
  const { items: categories } = (await desk.get('/work-order-categories')) as { items: { code: string; name: string }[] }
  const category = categories.find((c) => c.name === '给排水') ?? categories[0]
  const order = (await desk.post('/work-orders', {
    projectId: project.id,
    kind: 'repair',
    category: category.code,
    priority: 'normal',
    channel: 'phone',
    location: '2号楼大堂',
    reporterName: '王先生',
    title,
  })) as { id: number; code: string }
  await desk.post(`/work-orders/${order.id}/dispatch`, { assigneeStaffId: me.staffId })
  return { ...order, projectId: project.id }
}
