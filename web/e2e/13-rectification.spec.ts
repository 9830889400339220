import { expect, test, type Page } from '@playwright/test'
import { apiAs, apiLogin, login } from './support'
import { openInspectionMenu, planCityGarden, PM, QUALITY, SUPERVISOR } from './inspection-support'

test.describe.configure({ mode: 'serial', timeout: 90_000 })

/**
 * From a deduction to a verified rectification: the quality department submits an inspection of
 * 城市花园 with two deductions and makes each a rectification from the result page; the project
 * manager completes CS-03 and it is verified; the supervisor completes CS-07, it is rejected with
 * a reason and goes back to her.
 */
let plan: Awaited<ReturnType<typeof planCityGarden>>

test.beforeAll(async ({ request }) => {
  plan = await planCityGarden(request)
  await plan.api.post(`/inspections/${plan.id}/deductions`, { itemId: plan.itemIds.get('CS-03'), amounts: [2], note: '回访记录缺3条' })
  await plan.api.post(`/inspections/${plan.id}/deductions`, { itemId: plan.itemIds.get('CS-07'), amounts: [1], note: '前台1人未佩戴工牌' })
  await plan.api.post(`/inspections/${plan.id}/submit`, {})
})

async function rectify(page: Page, code: string, responsible: string) {
  const row = page.getByTestId('insp-result-deductions').locator('tbody tr').filter({ hasText: code })
  await row.getByTestId('insp-rectify').click()
  const dialog = page.getByTestId('rectify-dialog')
  await expect(dialog.getByTestId('rectify-requirement')).toBeVisible()
  await dialog.getByTestId('rectify-responsible').click()
  await page.getByRole('option', { name: new RegExp(`^${responsible}（`) }).click()
  await dialog.getByTestId('rectify-save').click()
  await expect(row.getByTestId('insp-rect-link')).toBeVisible()
}

/** The card of this test's rectification of an item, in a column of the board. */
function card(page: Page, status: string, code: string) {
  return page.getByTestId(`rect-column-${status}`).locator(`[data-testid="rect-card"][data-item="${code}"]`).filter({ hasText: plan.project.name })
}

async function boardOfThisInspection(page: Page) {
  await openInspectionMenu(page, 'rectifications')
  await page.goto(`/inspections/rectifications?inspectionId=${plan.id}`)
}

test('the inspector makes two deductions rectifications from the result page', async ({ page }) => {
  await login(page, QUALITY)
  await page.goto(`/inspections/${plan.id}`)
  await rectify(page, 'CS-03', PM.name)
  await rectify(page, 'CS-07', SUPERVISOR.name)
  await page.getByTestId('insp-result-deductions').locator('tbody tr').filter({ hasText: 'CS-03' }).getByTestId('insp-rect-link').click()
  await expect(card(page, 'open', 'CS-03')).toContainText(PM.name)
  await expect(card(page, 'open', 'CS-07')).toContainText('前台1人未佩戴工牌')
})

test('the project manager completes CS-03 with what was done and the quality department verifies it', async ({ page }) => {
  await login(page, PM)
  await boardOfThisInspection(page)
  await card(page, 'open', 'CS-03').getByTestId('rect-complete').click()
  await page.getByTestId('rect-text').fill('已补齐回访记录，周例会通报')
  await page.getByTestId('rect-confirm').click()
  await expect(card(page, 'done', 'CS-03')).toContainText('已补齐回访记录')
  // Verifying is the quality department's (or the inspector's), not the project's.
  await expect(card(page, 'done', 'CS-03').getByTestId('rect-verify')).toHaveCount(0)

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await login(page, QUALITY)
  await boardOfThisInspection(page)
  await card(page, 'done', 'CS-03').getByTestId('rect-verify').click()
  await page.locator('.el-message-box').getByRole('button', { name: '验收通过' }).click()
  await expect(card(page, 'verified', 'CS-03')).toBeVisible()
  await expect(card(page, 'verified', 'CS-03').getByRole('button')).toHaveCount(0)
})

test('a rejected rectification goes back with the reason and can be completed again', async ({ page, request }) => {
  await login(page, SUPERVISOR)
  await boardOfThisInspection(page)
  await card(page, 'open', 'CS-07').getByTestId('rect-complete').click()
  await page.getByTestId('rect-text').fill('已提醒')
  await page.getByTestId('rect-confirm').click()
  await expect(card(page, 'done', 'CS-07')).toBeVisible()

  // The supervisor may not verify her own work: the server refuses.
  const own = await apiAs(request, SUPERVISOR)
  const { items } = (await own.get('/rectifications', { inspectionId: plan.id, status: 'done' })) as { items: { id: number }[] }
  const response = await request.post(`/api/v1/rectifications/${items[0].id}/verify`, { headers: { Authorization: `Bearer ${(await apiLogin(request, SUPERVISOR)).token}` } })
  expect(response.status()).toBe(403)

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await login(page, QUALITY)
  await boardOfThisInspection(page)
  await card(page, 'done', 'CS-07').getByTestId('rect-reject').click()
  await page.getByTestId('rect-text').fill('照片看不出已整改，请补充工牌佩戴照片')
  await page.getByTestId('rect-confirm').click()
  const rejected = card(page, 'rejected', 'CS-07')
  await expect(rejected.getByTestId('rect-reject-reason')).toContainText('照片看不出已整改')
  await expect(rejected.getByTestId('rect-complete')).toBeVisible()
})
