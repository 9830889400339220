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
