import { expect, test, type APIRequestContext } from '@playwright/test'
import { apiLogin, choose, login, PHONE } from './support'

/** 陈静, the supervisor of 城市花园's 客服组, checks the front desk's phone answering. */
const SUPERVISOR = { username: 'supervisor', password: 'steward-demo' }
const PERSON = '李婷婷'

test.describe.configure({ mode: 'serial', timeout: 60_000 })

/** Her id, and the month's mean from her checks' own scores (the rule of docs/inspections.md). */
async function monthOf(request: APIRequestContext) {
  const { token, projects } = await apiLogin(request, SUPERVISOR)
  const headers = { Authorization: `Bearer ${token}` }
  const project = projects[0]!.id
  const staff = (await (await request.get(`/api/v1/staff?projectId=${project}&q=${encodeURIComponent(PERSON)}`, { headers })).json()) as {
    items: { id: number; name: string }[]
  }
  const staffId = staff.items.find((s) => s.name === PERSON)!.id
  const scores = (await (await request.get(`/api/v1/spot-check-scores?projectId=${project}`, { headers })).json()) as { month: string }
  const list = (await (await request.get(`/api/v1/spot-checks?staffId=${staffId}&month=${scores.month}&pageSize=200`, { headers })).json()) as {
    items: { score: number }[]
  }
  const sum = list.items.reduce((s, c) => s + Math.round(c.score * 100), 0)
  return { staffId, checks: list.items.length, sum }
}

/** Mean of n scores in hundredths, rounded half up, as "85.71". */
const mean = (sum: number, n: number) => (Math.floor((2 * sum + n) / (2 * n)) / 100).toFixed(2)

test('a supervisor records a phone spot check on a phone and the monthly score moves with it', async ({ page, request }) => {
  const before = await monthOf(request)
  await page.setViewportSize(PHONE)
  await login(page, SUPERVISOR)
  await page.goto('/m/spot-check')
  await expect(page.getByTestId('m-spot-quota-phone')).toBeVisible()
  await page.getByTestId('spot-kind-phone').click()
  await choose(page, page.getByTestId('spot-person'), new RegExp(PERSON))
  // 礼貌用语 not met: 60 of 70 points, 85.71 on 100.
  await page.getByTestId('spot-item-PH-07').click()
  await page.getByTestId('spot-note').fill('挂机前未使用礼貌用语')
  await page.getByTestId('spot-submit').click()
  await expect(page.getByTestId('spot-result')).toContainText('85.71')
  await expect(page.getByTestId('spot-result')).toContainText('良好')
  const after = await monthOf(request)
  expect(after.checks).toBe(before.checks + 1)
  expect(after.sum).toBe(before.sum + 8571)
  // The month's table, on the same phone, shows the new mean.
  await page.goto('/spot-checks')
  await expect(page.getByTestId(`spot-score-${after.staffId}`)).toHaveText(mean(after.sum, after.checks))
})

test('the monthly score table shows her new mean', async ({ page, request }) => {
  const now = await monthOf(request)
  await login(page, SUPERVISOR)
  await page.goto('/spot-checks')
  const cell = page.getByTestId(`spot-score-${now.staffId}`)
  await expect(cell).toHaveText(mean(now.sum, now.checks))
  // One more check, all standards met, from the console's drawer: the mean moves to include a 100.
  await page.getByTestId('spot-record').click()
  const form = page.getByTestId('spot-form')
  await form.getByTestId('spot-kind-phone').click()
  await choose(page, form.getByTestId('spot-person'), new RegExp(PERSON))
  await form.getByTestId('spot-submit').click()
  await expect(form.getByTestId('spot-result')).toContainText('100.00')
  await expect(cell).toHaveText(mean(now.sum + 10000, now.checks + 1))
})
