import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { CITY_GARDEN, apiAs, login } from './support'

const PM = { username: 'pm', password: 'steward-demo' }
const QUALITY = { username: 'quality', password: 'steward-demo' }

test('the project manager opens the month\'s complaint analysis, sees its figures and downloads it as XLSX', async ({ page, request }) => {
  const api = await apiAs(request, PM)
  const project = api.projects.find((p) => p.name === CITY_GARDEN)!
  const expected = (await api.get('/analyses/complaints', { projectId: project.id })) as {
    volume: number
    households: number
    categories: { name: string }[]
  }
  await login(page, PM)
  await page.goto('/analyses/complaints')
  const report = page.getByTestId('complaint-analysis')
  await expect(report).toContainText('月度投诉分析')
  await expect(report).toContainText(CITY_GARDEN)
  // The page shows the API's numbers.
  await expect(report.getByTestId('fig-volume')).toContainText(String(expected.volume))
  await expect(report).toContainText(String(expected.households))
  await expect(report.getByTestId('analysis-warnings')).toContainText('1.5')
  if (expected.categories.length)
    await expect(report.getByTestId('analysis-categories')).toContainText(expected.categories[0].name)
  const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('analysis-xlsx').click()])
  expect(download.suggestedFilename()).toMatch(/^投诉分析-CSHY-\d{4}-\d{2}\.xlsx$/)
  const bytes = readFileSync((await download.path())!)
  expect(bytes.subarray(0, 2).toString()).toBe('PK') // a zip: the workbook
})

test('the return-visit report and the quarter against targets open for the month and quarter', async ({ page }) => {
  await login(page, PM)
  await page.goto('/analyses/return-visits')
  const visits = page.getByTestId('visit-report')
  await expect(visits).toContainText('月度报修回访报告')
  await expect(visits.getByTestId('fig-visitRate')).toContainText('回访率')
  await page.goto('/analyses/quarterly')
  const quarter = page.getByTestId('quarter-table')
  await expect(quarter).toContainText('满意度')
  await expect(quarter).toContainText('季度合计')
})

test('the quality department sees the company-wide quarter and masked repeat complainants', async ({ page }) => {
  await login(page, QUALITY)
  await page.goto('/analyses/quarterly')
  await page.getByTestId('quarter-company').click()
  await expect(page.getByTestId('quarter-report')).toContainText('全公司')
  await page.goto('/analyses/complaints')
  const report = page.getByTestId('complaint-analysis')
  await expect(report).toContainText('月度投诉分析')
  const repeat = report.getByTestId('analysis-repeat')
  if ((await repeat.locator('tbody tr').count()) > 0 && !(await repeat.innerText()).includes('无'))
    await expect(report).toContainText('已隐去个人信息')
})
