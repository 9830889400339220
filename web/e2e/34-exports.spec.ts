import { expect, test } from '@playwright/test'
import { login } from './support'

const PM = { username: 'pm', password: 'steward-demo' }
test.describe.configure({ timeout: 60_000 })

test('the register exports what its filters show, with progress, and downloads the file', async ({ page }) => {
  await login(page, PM)
  await page.goto('/work-orders')
  await page.getByTestId('export-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-xlsx').click()
  await expect(page.getByTestId('export-progress')).toContainText(/已导出 \d+ 行/)
  expect((await download).suggestedFilename()).toMatch(/^工单登记簿-\d{4}-\d{2}-\d{2}\.xlsx$/)
})

test('the customers page exports a CSV of the search on screen', async ({ page }) => {
  await login(page, PM)
  await page.goto('/org/customers')
  await page.getByTestId('customer-search').fill('玉兰园 1栋')
  await page.getByTestId('customer-search-submit').click()
  await page.getByTestId('export-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  await expect(page.getByTestId('export-progress')).toContainText(/已导出 \d+ 行/)
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.csv$/)
})

/** The rows of a downloaded CSV (after the header), read from the file the browser saved. */
async function csvRows(download: import('@playwright/test').Download) {
  const { readFile } = await import('node:fs/promises')
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '')
  return text.split('\r\n').filter((l) => l.length > 0).slice(1)
}

test('the rectification board exports the four columns on screen', async ({ page }) => {
  await login(page, PM)
  await page.goto('/inspections/rectifications')
  await expect(page.getByTestId('rect-column-open')).toBeVisible()
  let onScreen = 0
  for (const s of ['open', 'done', 'verified', 'rejected']) {
    onScreen += Number(await page.getByTestId(`rect-column-${s}`).locator('h3 > span').last().innerText())
  }
  expect(onScreen).toBeGreaterThan(0)
  await page.getByTestId('export-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  await expect(page.getByTestId('export-progress')).toContainText(`已导出 ${onScreen} 行`)
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^整改清单-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(await csvRows(file)).toHaveLength(onScreen)
})

test('the patrol checks page exports the not-ok checks it shows', async ({ page }) => {
  await login(page, PM)
  await page.goto('/patrols/checks')
  await page.getByTestId('checks-not-ok').click()
  const total = page.locator('.el-pagination__total')
  await expect(total).toContainText(/\d+/)
  const shown = Number((await total.innerText()).replace(/\D/g, ''))
  expect(shown).toBeGreaterThan(0)
  await page.getByTestId('export-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  await expect(page.getByTestId('export-progress')).toContainText(`已导出 ${shown} 行`)
  const rows = await csvRows(await download)
  expect(rows).toHaveLength(shown)
  for (const r of rows) expect(r).toContain('：不正常')
})

test('inspections, alarms and spot checks export from their pages', async ({ page }) => {
  await login(page, PM)
  for (const [path, title, before] of [
    ['/inspections', '检查记录', null],
    ['/patrols/alarms', '读数报警', null],
    ['/spot-checks', '员工抽查记录', '抽查记录'],
  ] as const) {
    await page.goto(path)
    if (before) await page.getByRole('tab', { name: before }).click()
    await page.getByTestId('export-button').click()
    const download = page.waitForEvent('download')
    await page.getByTestId('export-xlsx').click()
    await expect(page.getByTestId('export-progress')).toContainText(/已导出 \d+ 行/)
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^${title}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`))
  }
})
