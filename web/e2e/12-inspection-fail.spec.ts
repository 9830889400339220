import { expect, test } from '@playwright/test'
import { apiAs, CITY_GARDEN, login } from './support'
import { customerServiceScheme, openInspectionMenu, planCityGarden, PM, QUALITY, staffOf } from './inspection-support'

test.describe.configure({ mode: 'serial', timeout: 90_000 })

/**
 * Worked example 2 of docs/inspections.md on the console: the customer-service rubric alone
 * (100 %), CS-03 4 × 2 = 8 (10 → 2), CS-07 3 × 2 = 6 on 5 → 0 (5 off), CS-09 4 × 2 = 8 on 5 → 0
 * (5 off), CS-11 1.5 + 1.5 = 3 (5 → 2): 100 - 8 - 5 - 5 - 3 = 79.00, below 80: fail. Penalties: the
 * project manager -500, each supervisor (department head) -300, other team leaders -100.
 */
let plan: Awaited<ReturnType<typeof planCityGarden>>

test.beforeAll(async ({ request }) => {
  plan = await planCityGarden(request, customerServiceScheme)
  const deduct = (code: string, amounts: number[]) => plan.api.post(`/inspections/${plan.id}/deductions`, { itemId: plan.itemIds.get(code), amounts, note: `E2E ${code}` })
  await deduct('CS-03', [2, 2, 2, 2])
  await deduct('CS-07', [2, 2, 2])
  await deduct('CS-09', [2, 2, 2, 2])
  await deduct('CS-11', [1.5, 1.5])
})

test('an open inspection shows its running score and grade on the console, then fails once submitted', async ({ page }) => {
  await login(page, QUALITY)
  await openInspectionMenu(page, 'inspections')
  await page.getByTestId('insp-filter-status').click()
  await page.getByRole('option', { name: '检查中' }).click()
  const row = page.getByTestId('page-table').locator('tbody tr').filter({ hasText: plan.scheme.name })
  await expect(row).toContainText(CITY_GARDEN)
  await expect(row).toContainText('79')
  await row.getByTestId('insp-open').click()
  await expect(page.getByTestId('insp-score')).toHaveText('79')
  await expect(page.getByTestId('insp-grade')).toHaveText('不及格')
  await page.getByTestId('insp-submit').click()
  await page.locator('.el-message-box').getByRole('button', { name: '提交检查' }).click()
  await expect(page.getByTestId('insp-result-score')).toHaveText('79')
  await expect(page.getByTestId('insp-result-grade')).toHaveText('不及格')
})

test('the penalties of a failed inspection are listed per person with their sign', async ({ page, request }) => {
  const people = await staffOf(await apiAs(request, QUALITY), plan.project.id)
  await login(page, QUALITY)
  await page.goto(`/inspections/${plan.id}`)
  const rows = page.getByTestId('insp-result-payments').locator('tbody tr')
  await expect(rows).toHaveCount(people.managers.length + people.supervisors.length + people.teamLeaders.length)
  await expect(rows.filter({ hasText: PM.name })).toContainText('-¥500')
  for (const s of people.supervisors) await expect(rows.filter({ hasText: s.name }).first()).toContainText('-¥300')
  for (const s of people.teamLeaders) await expect(rows.filter({ hasText: s.name }).first()).toContainText('-¥100')
  const total = 500 + 300 * people.supervisors.length + 100 * people.teamLeaders.length
  await expect(page.getByTestId('insp-payment-total')).toHaveText(`-¥${total.toLocaleString('en-US')}`)
  // The deductions with their amounts and notes.
  const deductions = page.getByTestId('insp-result-deductions').locator('tbody tr')
  await expect(deductions).toHaveCount(4)
  // Six points off a 5-point item take 5: it scores 0.
  await expect(deductions.filter({ hasText: 'CS-07' })).toContainText('-5')
  await expect(deductions.filter({ hasText: 'CS-07' })).toContainText('2 + 2 + 2')
  await expect(deductions.filter({ hasText: 'CS-11' })).toContainText('E2E CS-11')
})
