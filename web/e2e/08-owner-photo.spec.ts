import { expect, test } from '@playwright/test'
import { choose, login, OWNER, PHONE, PNG } from './support'

test.use({ viewport: PHONE })
test.describe.configure({ timeout: 60_000 })

test('an owner reports a repair with a photo and sees the photo on the order', async ({ page }) => {
  const title = `E2E 墙面渗水 ${Date.now()}`
  await login(page, OWNER)
  await page.getByTestId('m-tab-m-report').click()
  await page.getByTestId('m-report-kind').getByText('报修', { exact: true }).click()
  await choose(page, page.getByTestId('m-report-category'), '给排水')
  await page.getByTestId('m-report-title').fill(title)
  await page.getByTestId('m-report-photos-input').setInputFiles(PNG)
  await expect(page.getByTestId('m-report-photos').getByTestId('photo-picked')).toHaveCount(1)
  await page.getByTestId('m-report-submit').click()

  await expect(page).toHaveURL(/\/m\/my-orders$/)
  const card = page.getByTestId('m-order-card').filter({ hasText: title })
  await card.locator('.order-card__title').click()
  await expect(page).toHaveURL(/\/m\/orders\/\d+$/)
  const photo = page.getByTestId('wo-photos').locator('[data-stage="report"]').getByTestId('wo-photo')
  await expect(photo).toHaveCount(1)
  await expect(photo.locator('img')).toBeVisible()
})
