import { expect, test, type Page } from '@playwright/test'
import {
  apiLogin,
  choose,
  CITY_GARDEN,
  FRONT_DESK,
  login,
  openMenu,
  PHONE,
  switchProject,
  tableRows,
  TECHNICIAN,
} from './support'

interface Customer {
  id: number
  name: string
  phone: string
  unitLabel: string
  contactMasked: boolean
}

/**
 * One repair from the phone call to its closing: the front desk registers it for a customer found
 * by the last 4 digits of their phone, dispatches it to 孙志强, who takes it on his phone, and the
 * front desk calls back and closes it. The steps share the order, so they run in turn.
 */
test.describe.configure({ mode: 'serial', timeout: 60_000 })

const title = `E2E 厨房水槽漏水 ${Date.now()}`
let code = ''
let orderPath = ''

const statusOf = (page: Page) => page.locator('.order-page__head').getByTestId('wo-status')

test.describe('at the front desk', () => {
  test('a repair is registered for a customer found by the last 4 digits of the phone', async ({ page, request }) => {
    const { token, projects } = await apiLogin(request, FRONT_DESK)
    const project = projects.find((p) => p.name === CITY_GARDEN)
    expect(project, `${CITY_GARDEN} among the front desk's projects`).toBeTruthy()
    const response = await request.get('/api/v1/customers', {
      params: { projectId: project!.id, pageSize: 50 },
      headers: { Authorization: `Bearer ${token}` },
    })
    const { items } = (await response.json()) as { items: Customer[] }
    const customer = items.find((c) => !c.contactMasked && /^\d{11}$/.test(c.phone))
    expect(customer, 'a demo customer with a plain mobile number').toBeTruthy()

    await login(page, FRONT_DESK)
    await switchProject(page, CITY_GARDEN)
    await openMenu(page, 'work-orders')
    await page.getByTestId('wo-add').click()
    const entry = page.getByTestId('wo-entry')
    await expect(entry).toBeVisible()

    await page.getByTestId('wo-entry-phone').fill(customer!.phone.slice(-4))
    await page.getByTestId('wo-entry-phone-search').click()
    await entry.getByTestId('wo-entry-customer').filter({ hasText: customer!.name }).filter({ hasText: customer!.unitLabel }).first().click()
    await expect(page.getByTestId('wo-entry-unit')).toContainText(customer!.unitLabel)
    await expect(page.getByTestId('wo-entry-reporter')).toHaveValue(customer!.name)
    await expect(page.getByTestId('wo-entry-reporter-phone')).toHaveValue(customer!.phone)

    await choose(page, page.getByTestId('wo-entry-category'), '给排水')
    await page.getByTestId('wo-entry-title').fill(title)
    await page.getByTestId('wo-entry-description').fill('水槽下面的水管接口滴水，柜子里已经积水')
    await page.getByTestId('wo-entry-submit').click()
    await expect(entry).toBeHidden()

    const created = page.getByTestId('wo-created')
    await expect(created).toContainText(/[A-Z]+-\d{8}-\d{4}/)
    code = /[A-Z]+-\d{8}-\d{4}/.exec(await created.innerText())![0]

    const row = tableRows(page).filter({ hasText: title })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText(code)
    await expect(row).toContainText(customer!.unitLabel)
    await expect(row.getByTestId('wo-status')).toHaveText('已登记')
    await expect(row.getByTestId('clock-badge')).toContainText('剩')
  })

  test('the front desk dispatches it to the technician', async ({ page }) => {
    await login(page, FRONT_DESK)
    await openMenu(page, 'work-orders')
    await page.getByTestId('wo-search').fill(code)
    await page.getByTestId('wo-search-submit').click()
    await tableRows(page).filter({ hasText: code }).getByTestId('wo-code').click()
    await expect(page).toHaveURL(/\/work-orders\/\d+$/)
    orderPath = new URL(page.url()).pathname
    await expect(page.getByTestId('wo-detail-code')).toHaveText(code)

    await page.getByTestId('wo-action-dispatch').click()
    const dialog = page.getByTestId('wo-action-dialog')
    await choose(page, dialog.getByTestId('wo-dispatch-staff'), new RegExp(TECHNICIAN.name))
    await dialog.getByTestId('wo-action-submit').click()
    await expect(dialog).toBeHidden()

    await expect(statusOf(page)).toHaveText('已派单')
    const dispatched = page.locator('[data-testid="wo-timeline-entry"][data-action="dispatch"]')
    await expect(dispatched).toContainText(TECHNICIAN.name)
    await expect(page.getByTestId('wo-info')).toContainText(TECHNICIAN.name)
  })
})

test.describe('on the technician\'s phone', () => {
  test.use({ viewport: PHONE })

  test('the technician accepts, arrives and completes it in 我的工单', async ({ page }) => {
    await login(page, TECHNICIAN)
    await expect(page).toHaveURL(/\/m\/orders$/)
    await expect(page.getByTestId('m-title')).toHaveText('我的工单')
    const card = page.getByTestId('m-order-card').filter({ hasText: code })
    await expect(card).toContainText(title)

    await card.getByTestId('m-step-accept').click()
    await expect(card.getByTestId('wo-status')).toHaveText('已接单')
    await card.getByTestId('m-step-arrive').click()
    await expect(card.getByTestId('wo-status')).toHaveText('处理中')
    await card.getByTestId('m-step-complete').click()
    const sheet = page.getByTestId('m-complete-sheet')
    await sheet.getByTestId('m-complete-result').fill('更换水槽下的角阀和软管，试水无渗漏')
    await sheet.getByTestId('m-complete-submit').click()

    // A completed order is no longer open: it leaves the list.
    await expect(card).toHaveCount(0)
  })
})

test.describe('back at the front desk', () => {
  test('the front desk records a satisfied return visit and closes it; the timeline has every step', async ({ page }) => {
    await login(page, FRONT_DESK)
    await page.goto(orderPath)
    await expect(statusOf(page)).toHaveText('已完成')
    await expect(page.getByTestId('wo-result')).toContainText('更换水槽下的角阀')

    await page.getByTestId('wo-action-visit').click()
    const dialog = page.getByTestId('wo-action-dialog')
    await dialog.getByTestId('wo-form-method').getByText('电话', { exact: true }).click()
    await dialog.getByTestId('wo-form-satisfaction').getByText('满意', { exact: true }).click()
    await dialog.getByTestId('wo-form-comment').fill('师傅很准时')
    await dialog.getByTestId('wo-action-submit').click()
    await expect(dialog).toBeHidden()
    await expect(statusOf(page)).toHaveText('已回访')

    await page.getByTestId('wo-action-close').click()
    await dialog.getByTestId('wo-action-submit').click()
    await expect(dialog).toBeHidden()
    await expect(statusOf(page)).toHaveText('已关闭')
    await expect(page.getByTestId('wo-actions').getByTestId('wo-action-close')).toHaveCount(0)

    const steps = page.getByTestId('wo-timeline-entry')
    await expect(steps).toHaveCount(7)
    const actions = await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')))
    expect(actions).toEqual(['register', 'dispatch', 'accept', 'arrive', 'complete', 'visit', 'close'])
    await expect(steps.nth(4)).toContainText(TECHNICIAN.name)
    await expect(steps.nth(5)).toContainText('满意度：满意')
    await expect(steps.nth(5)).toContainText('师傅很准时')
  })
})
