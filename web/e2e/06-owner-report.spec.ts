import { expect, test } from '@playwright/test'
import { choose, login, OWNER, PHONE } from './support'

test.use({ viewport: PHONE })
test.describe.configure({ timeout: 60_000 })

test('an owner reports a repair for their unit and sees it in 我的报修', async ({ page }) => {
  const title = `E2E 阳台灯不亮 ${Date.now()}`

  await login(page, OWNER)
  await expect(page).toHaveURL(/\/m\/my-orders$/)
  await page.getByTestId('m-tab-m-report').click()
  await expect(page).toHaveURL(/\/m\/report$/)
  await expect(page.getByTestId('m-report-unit')).not.toBeEmpty()

  await page.getByTestId('m-report-kind').getByText('报修', { exact: true }).click()
  await choose(page, page.getByTestId('m-report-category'), '照明')
  await page.getByTestId('m-report-title').fill(title)
  await page.getByTestId('m-report-description').fill('阳台吸顶灯打开后不亮，换了灯泡也不行')
  await page.getByTestId('m-report-submit').click()

  await expect(page).toHaveURL(/\/m\/my-orders$/)
  const card = page.getByTestId('m-order-card').filter({ hasText: title })
  await expect(card).toHaveCount(1)
  await expect(card.getByTestId('wo-status')).toHaveText('已登记')
  await card.getByTestId('m-progress').click()
  await expect(card.locator('[data-testid="wo-timeline-entry"][data-action="register"]')).toBeVisible()
})
