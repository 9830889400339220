import { expect, test } from '@playwright/test'
import { CITY_GARDEN, choose, login } from './support'
import { openInspectionMenu, planCityGarden, PM, QUALITY, today } from './inspection-support'

test.describe.configure({ mode: 'serial', timeout: 90_000 })

test('the quality department plans an inspection of a zone and lands on it', async ({ page }) => {
  await login(page, QUALITY)
  await openInspectionMenu(page, 'inspections')
  await page.getByTestId('insp-plan').click()
  const dialog = page.getByTestId('plan-dialog')
  await choose(page, dialog.getByTestId('plan-scheme'), '物业基础服务管理品质检查验收')
  await choose(page, dialog.getByTestId('plan-project'), CITY_GARDEN)
  await dialog.locator('.el-radio-button', { hasText: '园区' }).click()
  await choose(page, dialog.getByTestId('plan-target'), '玉兰园')
  await choose(page, dialog.getByTestId('plan-method'), '神秘客户')
  await dialog.getByTestId('plan-save').click()
  await expect(page).toHaveURL(/\/inspections\/\d+$/)
  await expect(page.getByTestId('insp-head')).toContainText('玉兰园')
  await expect(page.getByTestId('insp-head')).toContainText('神秘客户')
  await expect(page.getByTestId('insp-score')).toHaveText('100')
})

test('a project manager may plan only a self-check and sees no rubric or scheme pages', async ({ page }) => {
  await login(page, PM)
  await expect(page.getByTestId('menu-inspections')).toBeVisible()
  await expect(page.getByTestId('menu-rectifications')).toBeVisible()
  await expect(page.getByTestId('menu-rubrics')).toHaveCount(0)
  await expect(page.getByTestId('menu-inspection-schemes')).toHaveCount(0)
  await page.getByTestId('menu-inspections').click()
  await page.getByTestId('insp-plan').click()
  const kinds = page.getByTestId('plan-dialog').locator('.el-radio-button')
  await expect(kinds.filter({ hasText: '自查' })).toBeVisible()
  await expect(kinds.filter({ hasText: '品质检查' })).toHaveCount(0)
  await expect(kinds.filter({ hasText: '互查' })).toHaveCount(0)
})

test('rankings show the projects by mean score this month, with their grade', async ({ page, request }) => {
  // One more submitted inspection of 城市花园 today: it is ranked this month whatever else there is.
  const plan = await planCityGarden(request)
  await plan.api.post(`/inspections/${plan.id}/deductions`, { itemId: plan.itemIds.get('CS-01'), amounts: [2, 2], note: 'E2E' })
  await plan.api.post(`/inspections/${plan.id}/submit`, {})
  const [from, to] = thisMonth()
  const ranking = (await plan.api.get('/inspection-rankings', { from, to })) as { items: { projectName: string; score: number; rank: number }[] }
  const mine = ranking.items.find((r) => r.projectName === CITY_GARDEN)!
  expect(mine).toBeTruthy()

  await login(page, QUALITY)
  await openInspectionMenu(page, 'rankings')
  const rows = page.getByTestId('ranking-table').locator('tbody tr')
  await expect(rows).toHaveCount(ranking.items.length)
  const row = rows.filter({ hasText: CITY_GARDEN })
  await expect(row.getByTestId('ranking-score')).toHaveText(String(mine.score))
  // The grade follows the defaults: below 80 fails, above 90 is excellent.
  await expect(row).toContainText(mine.score < 80 ? '不及格' : mine.score > 90 ? '优秀' : '良好')
  await expect(row.locator('td').first()).toHaveText(String(mine.rank))
})

test('rankings switch to zones: a zone inspected this month is ranked with its project', async ({ page, request }) => {
  const plan = await planCityGarden(request)  // a project inspection: it does not score a zone
  const { items: zones } = (await plan.api.get('/zones', { projectId: plan.project.id, pageSize: 200 })) as { items: { id: number; name: string }[] }
  const zone = zones.find((z) => z.name === '梅花园')!
  const inspection = (await plan.api.post('/inspections', { schemeId: plan.scheme.id, targetKind: 'zone', targetId: zone.id, method: 'open', day: today() })) as { id: number }
  await plan.api.post(`/inspections/${inspection.id}/submit`, {})
  const [from, to] = thisMonth()
  const ranking = (await plan.api.get('/inspection-rankings', { from, to, by: 'zone' })) as { items: { zoneName: string; score: number }[] }
  const mine = ranking.items.find((r) => r.zoneName === '梅花园')!
  expect(mine).toBeTruthy()

  await login(page, QUALITY)
  await openInspectionMenu(page, 'rankings')
  await page.getByTestId('ranking-by').locator('.el-radio-button', { hasText: '按园区' }).click()
  const rows = page.getByTestId('ranking-table').locator('tbody tr')
  await expect(rows).toHaveCount(ranking.items.length)
  const row = rows.filter({ hasText: '梅花园' })
  await expect(row).toContainText(CITY_GARDEN)
  await expect(row.getByTestId('ranking-score')).toHaveText(String(mine.score))
  await page.getByTestId('ranking-by').locator('.el-radio-button', { hasText: '按项目' }).click()
  await expect(rows.filter({ hasText: '梅花园' })).toHaveCount(0)
})

/** This month in Shanghai, first and last day. */
function thisMonth(): [string, string] {
  const month = today().slice(0, 7)
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`]
}
