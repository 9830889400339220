import { expect, test } from '@playwright/test'
import { ADMIN, CITY_GARDEN, FRONT_DESK, login, openMenu, switchProject, tableRows } from './support'

test.describe.configure({ timeout: 60_000 })

test('an administrator adds a price in yuan to the price list; the front desk reads it without edit buttons', async ({ page }) => {
  const name = `E2E 疏通地漏 ${Date.now()}`
  await login(page, ADMIN)
  await switchProject(page, CITY_GARDEN)
  await openMenu(page, 'price-items')
  await page.getByTestId('price-add').click()
  const dialog = page.getByTestId('price-dialog')
  await dialog.getByTestId('price-name').fill(name)
  await dialog.getByTestId('price-yuan').locator('input').fill('35.5')
  await dialog.getByTestId('price-unit').fill('次')
  await dialog.getByTestId('price-save').click()
  await expect(dialog).toBeHidden()
  await page.getByTestId('price-search').fill(name)
  await page.getByTestId('price-search').press('Enter')
  const row = tableRows(page).filter({ hasText: name })
  await expect(row).toContainText('¥35.50')
  await expect(row.getByRole('button', { name: '编辑' })).toBeVisible()

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await login(page, FRONT_DESK)
  await switchProject(page, CITY_GARDEN)
  await openMenu(page, 'price-items')
  await expect(page.getByTestId('price-add')).toBeHidden()
  await page.getByTestId('price-search').fill(name)
  await page.getByTestId('price-search').press('Enter')
  await expect(tableRows(page).filter({ hasText: name })).toContainText('¥35.50')
  await expect(tableRows(page).filter({ hasText: name }).getByRole('button', { name: '编辑' })).toHaveCount(0)
})

test('the settings keep the webhook secret write-only and show that it is set', async ({ page }) => {
  await login(page, ADMIN)
  await openMenu(page, 'settings')
  await page.getByTestId('settings-webhook-url').fill('https://hooks.example.com/steward')
  await page.getByTestId('settings-webhook-secret').fill('e2e-secret')
  await page.getByTestId('settings-unpaid-days').locator('input').fill('5')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-secret-set')).toHaveText('已设置')

  await page.reload()
  await expect(page.getByTestId('settings-webhook-url')).toHaveValue('https://hooks.example.com/steward')
  await expect(page.getByTestId('settings-webhook-secret')).toHaveValue('')
  await expect(page.getByTestId('settings-secret-set')).toBeVisible()
  await expect(page.getByTestId('settings-unpaid-days').locator('input')).toHaveValue('5')

  // Back to the defaults for the other tests: no webhook, 3 days.
  await page.getByTestId('settings-webhook-url').fill('')
  await page.getByTestId('settings-unpaid-days').locator('input').fill('3')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-webhook-url')).toHaveValue('')
})

test('the unpaid charges, workload and shift summaries open for the administrator', async ({ page }) => {
  await login(page, ADMIN)
  await switchProject(page, CITY_GARDEN)
  await openMenu(page, 'unpaid-charges')
  await expect(page.getByTestId('unpaid-table')).toBeVisible()
  await openMenu(page, 'workload')
  await expect(page.getByTestId('workload-table').locator('tbody tr').first()).toBeVisible()
  await expect(page.getByTestId('workload-totals')).toContainText('合计')
  await openMenu(page, 'shift-summaries')
  await expect(page.getByTestId('shift-summary').filter({ hasText: '孙志强' }).first()).toBeVisible()
})

test('an overdue charge is red in 未收费清单 and its explanation is saved from the row', async ({ page }) => {
  // The demo has no charge old enough to be overdue: the list is answered here, the save goes to the server's route.
  const overdue = {
    orderId: 999999,
    code: 'CSHY-20261120-0009',
    title: '更换入户门锁',
    location: '玉兰园 1栋 1-102',
    assigneeName: '孙志强',
    completedAt: '2026-11-20T10:00:00+08:00',
    totalFen: 12000,
    dueAt: '2026-11-23T10:00:00+08:00',
    overdue: true,
    daysUnpaid: 11,
    explanation: '',
  }
  const fresh = { ...overdue, orderId: 999998, code: 'CSHY-20261201-0009', overdue: false, daysUnpaid: 0 }
  await page.route('**/api/v1/unpaid-charges?**', (route) => route.fulfill({ json: { items: [overdue, fresh], total: 2 } }))
  let sent: unknown = null
  await page.route('**/api/v1/work-orders/999999/charge-explanation', async (route) => {
    sent = route.request().postDataJSON()
    await route.fulfill({ json: {} })
  })
  await login(page, FRONT_DESK)
  await switchProject(page, CITY_GARDEN)
  await openMenu(page, 'unpaid-charges')
  const rows = page.getByTestId('unpaid-table').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveClass(/unpaid--overdue/)
  await expect(rows.nth(1)).not.toHaveClass(/unpaid--overdue/)
  await expect(rows.nth(0)).toContainText('¥120.00')
  await expect(rows.nth(1).getByTestId('unpaid-explanation')).toHaveCount(0)
  await rows.nth(0).getByTestId('unpaid-explanation').fill('业主出差，约定周五补缴')
  await rows.nth(0).getByTestId('unpaid-explain-save').click()
  await expect.poll(() => sent).toEqual({ explanation: '业主出差，约定周五补缴' })
})
