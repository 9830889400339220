import { expect, test } from '@playwright/test'
import { apiAs, ADMIN, choose, CITY_GARDEN, dispatchedRepair, FRONT_DESK, login, PHONE, PNG, TECHNICIAN } from './support'

/**
 * A paid repair (W7): the price list has an item, the technician completes the repair on his phone
 * with a charge from it and a photo, and the front desk records the payment on the order page.
 */
test.describe.configure({ mode: 'serial', timeout: 60_000 })

const stamp = Date.now()
const title = `E2E 更换龙头 ${stamp}`
const itemName = `E2E 更换水龙头 ${stamp}`
let orderId = 0
let code = ''

test.beforeAll(async ({ request }) => {
  const admin = await apiAs(request, ADMIN)
  const project = admin.projects.find((p) => p.name === CITY_GARDEN)!
  await admin.post('/price-items', { projectId: project.id, name: itemName, unit: '个', priceFen: 4550, active: true, note: '' })

  const order = await dispatchedRepair(request, title)
  orderId = order.id
  code = order.code
})

test.describe('on the technician\'s phone', () => {
  test.use({ viewport: PHONE })

  test('the technician completes it with a charge from the price list and a photo', async ({ page }) => {
    await login(page, TECHNICIAN)
    const card = page.getByTestId('m-order-card').filter({ hasText: code })
    await card.getByTestId('m-step-accept').click()
    await expect(card.getByTestId('wo-status')).toHaveText('已接单')
    await card.getByTestId('m-step-arrive').click()
    await expect(card.getByTestId('wo-status')).toHaveText('处理中')
    await card.getByTestId('m-step-complete').click()

    const sheet = page.getByTestId('m-complete-sheet')
    await sheet.getByTestId('m-complete-result').fill('更换厨房水龙头，试水正常')
    await sheet.getByTestId('wo-material-add').click()
    await sheet.getByTestId('wo-material-name').fill('水龙头')
    await sheet.getByTestId('wo-charge-add').click()
    await choose(page, sheet.getByTestId('wo-charge-item'), new RegExp(itemName))
    await sheet.getByTestId('wo-charge-quantity').locator('input').fill('2')
    await sheet.getByTestId('wo-charge-quantity').locator('input').blur()
    await expect(sheet.getByTestId('wo-charge-total')).toHaveText('¥91.00')
    await sheet.getByTestId('wo-complete-photos-input').setInputFiles(PNG)
    await expect(sheet.getByTestId('photo-picked')).toHaveCount(1)
    await sheet.getByTestId('m-complete-submit').click()
    await expect(card).toHaveCount(0)
  })
})

test.describe('at the front desk', () => {
  test('the order shows the charge unpaid, the photo, and the front desk records the payment', async ({ page }) => {
    await login(page, FRONT_DESK)
    await page.goto(`/work-orders/${orderId}`)
    await expect(page.getByTestId('wo-detail-code')).toHaveText(code)
    const charges = page.getByTestId('wo-charges')
    await expect(charges.getByTestId('wo-payment-state')).toHaveText('未收费')
    await expect(charges.getByTestId('wo-charge-total-amount')).toHaveText('¥91.00')
    await expect(charges.getByTestId('wo-materials')).toContainText('水龙头')
    await expect(charges).toContainText(itemName)
    const photo = page.getByTestId('wo-photos').locator('[data-stage="complete"]').getByTestId('wo-photo')
    await expect(photo).toHaveCount(1)
    // The <img> is authorised by the session cookie: it loads, not the error slot.
    await expect(photo.locator('img')).toBeVisible()

    await page.getByTestId('wo-action-pay').click()
    const dialog = page.getByTestId('wo-charge-dialog')
    await expect(dialog.getByTestId('wo-pay-amount')).toHaveText('¥91.00')
    await dialog.getByTestId('wo-pay-method').getByText('微信', { exact: true }).click()
    await dialog.getByTestId('wo-pay-receipt').fill(`R${stamp}`)
    await dialog.getByTestId('wo-charge-submit').click()
    await expect(dialog).toBeHidden()
    await expect(charges.getByTestId('wo-payment-state')).toHaveText('已收费')
    await expect(charges).toContainText(`R${stamp}`)
    await expect(page.getByTestId('wo-actions').getByTestId('wo-action-pay')).toHaveCount(0)
  })
})
