import { expect, test } from '@playwright/test'
import { dispatchedRepair, login, PHONE, TECHNICIAN } from './support'

test.use({ viewport: PHONE })
test.describe.configure({ mode: 'serial', timeout: 60_000 })

/** An order of the technician's still open at the end of the shift. */
test.beforeAll(async ({ request }) => {
  await dispatchedRepair(request, `E2E 地漏返味 ${Date.now()}`)
})

test('the server refuses a shift summary that leaves out an unfinished order, and says which', async ({ page }) => {
  await login(page, TECHNICIAN)
  await page.getByTestId('m-tab-m-shift').click()
  const items = page.getByTestId('m-shift-item')
  await expect(items.first()).toBeVisible()
  const left = await items.first().getAttribute('data-code')
  for (const item of await items.all()) {
    await item.getByTestId('m-shift-reason').fill('业主不在家')
    await item.getByTestId('m-shift-plan').fill('明天上午再约')
  }
  // As if another device had sent a summary without the first order.
  await page.route('**/api/v1/shift-summaries', async (route) => {
    const body = route.request().postDataJSON() as { items: unknown[] }
    await route.continue({ postData: JSON.stringify({ ...body, items: body.items.slice(1) }) })
  })
  await page.getByTestId('m-shift-submit').click()
  await expect(page.getByTestId('m-shift-error')).toContainText(left!)
})

test('the technician gives a reason and a plan for every unfinished order and submits the summary', async ({ page }) => {
  await login(page, TECHNICIAN)
  await page.getByTestId('m-tab-m-shift').click()
  await expect(page.getByTestId('m-title')).toHaveText('交班小结')
  const items = page.getByTestId('m-shift-item')
  await expect(items.first()).toBeVisible()

  await page.getByTestId('m-shift-submit').click()
  await expect(page.locator('.shift__card--flagged').first()).toBeVisible()

  for (const item of await items.all()) {
    await item.getByTestId('m-shift-reason').fill('等材料')
    await item.getByTestId('m-shift-plan').fill('材料到后第一时间上门')
  }
  await page.getByTestId('m-shift-note').fill('工具间钥匙已交主管')
  await page.getByTestId('m-shift-submit').click()
  await expect(page.getByTestId('m-shift-done')).toBeVisible()
  await expect(page.getByTestId('m-shift-error')).toHaveCount(0)
})
