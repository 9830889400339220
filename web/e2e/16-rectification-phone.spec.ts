import { expect, test } from '@playwright/test'
import { apiAs, login, PHONE, PNG, TECHNICIAN } from './support'
import { planCityGarden, QUALITY } from './inspection-support'

test.use({ viewport: PHONE })
test.describe.configure({ mode: 'serial', timeout: 90_000 })

/**
 * A rectification for the person who does it: the quality department makes a deduction of an
 * inspection of 城市花园 a rectification of the technician; he sees it on his phone (and nobody
 * else's), completes it with a photo, and the quality department verifies it.
 */
let rectId = 0

test.beforeAll(async ({ request }) => {
  const plan = await planCityGarden(request)
  const d = (await plan.api.post(`/inspections/${plan.id}/deductions`, { itemId: plan.itemIds.get('CS-05'), amounts: [1], note: '工程维修工具间杂乱' })) as unknown
  expect(d).toBeTruthy()
  const done = (await plan.api.post(`/inspections/${plan.id}/submit`, {})) as { rubrics: { sections: { items: { code: string; deduction: { id: number } | null }[] }[] }[] }
  const deduction = done.rubrics.flatMap((r) => r.sections.flatMap((s) => s.items)).find((i) => i.code === 'CS-05')!.deduction!
  const tech = (await (await apiAs(request, TECHNICIAN)).get('/me')) as { staffId: number }
  const due = new Date(Date.now() + 8 * 3600_000 + 5 * 86400_000).toISOString().slice(0, 10)
  const rect = (await plan.api.post('/rectifications', { deductionId: deduction.id, responsibleStaffId: tech.staffId, deadline: due, requirement: '工具归位并拍照' })) as { id: number }
  rectId = rect.id
})

test('the technician sees the rectification assigned to him on his phone and completes it with a photo', async ({ page, request }) => {
  await login(page, TECHNICIAN)
  await page.getByTestId('m-tab-m-rectifications').click()
  const card = page.locator(`[data-testid="rect-card"][data-id="${rectId}"]`)
  await expect(card).toContainText('工具归位并拍照')
  await expect(card).toContainText(TECHNICIAN.name)
  // Only his own: every card on his list names him.
  const names = await page.getByTestId('rect-card').allTextContents()
  expect(names.every((text) => text.includes(TECHNICIAN.name))).toBe(true)
  // Never the inspections themselves.
  const api = await apiAs(request, TECHNICIAN)
  const all = (await api.get('/rectifications', { pageSize: 200 })) as { items: { responsible: { name: string } }[] }
  expect(all.items.every((r) => r.responsible.name === TECHNICIAN.name)).toBe(true)

  await card.getByTestId('rect-complete').click()
  await page.getByTestId('rect-text').fill('工具已归位，见照片')
  await page.getByTestId('rect-photo-picker-input').setInputFiles(PNG)
  await expect(page.getByTestId('photo-picked')).toHaveCount(1)
  await page.getByTestId('rect-confirm').click()
  const done = page.getByTestId('m-rect-done').locator(`[data-testid="rect-card"][data-id="${rectId}"]`)
  await expect(done).toContainText('工具已归位')
  await expect(done.getByTestId('rect-evidence-photos').locator('img')).toHaveCount(1)
})

test('the quality department sees the photo and verifies it', async ({ page }) => {
  await login(page, QUALITY)
  await page.goto('/inspections/rectifications')
  const card = page.getByTestId('rect-column-done').locator(`[data-testid="rect-card"][data-id="${rectId}"]`)
  await expect(card.getByTestId('rect-evidence-photos').locator('img')).toHaveCount(1)
  await card.getByTestId('rect-verify').click()
  await page.locator('.el-message-box').getByRole('button', { name: '验收通过' }).click()
  await expect(page.getByTestId('rect-column-verified').locator(`[data-testid="rect-card"][data-id="${rectId}"]`)).toBeVisible()
})
