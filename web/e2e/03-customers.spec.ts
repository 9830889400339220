import { expect, test } from '@playwright/test'
import { apiLogin, CITY_GARDEN, login, openMenu, switchProject, tableRows } from './support'

interface Customer {
  id: number
  name: string
  phone: string
  unitLabel: string
  contactMasked: boolean
}

test('a customer is found by the last 4 digits or the whole phone number', async ({ page, request }) => {
  // Learn a real customer and phone: the administrator sees phones unmasked.
  const { token, projects } = await apiLogin(request)
  const project = projects.find((p) => p.name === CITY_GARDEN)
  expect(project, `${CITY_GARDEN} among the admin's projects`).toBeTruthy()
  const response = await request.get('/api/v1/customers', {
    params: { projectId: project!.id, pageSize: 50 },
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status()).toBe(200)
  const { items } = (await response.json()) as { items: Customer[] }
  const customer = items.find((c) => !c.contactMasked && /^\d{11}$/.test(c.phone))
  expect(customer, 'a demo customer with a plain mobile number').toBeTruthy()
  const { name, phone, unitLabel } = customer!

  await login(page)
  await switchProject(page, CITY_GARDEN)
  await openMenu(page, 'customers')

  const phoneBox = page.getByTestId('customer-phone-search')
  const row = tableRows(page).filter({ hasText: name }).filter({ hasText: phone })

  await phoneBox.fill(phone.slice(-4))
  await page.getByTestId('customer-search-submit').click()
  await expect(row.first()).toBeVisible()
  await expect(row.first()).toContainText(unitLabel)
  for (const text of await tableRows(page).allInnerTexts()) expect(text).toContain(phone.slice(-4))

  await phoneBox.fill(phone)
  await page.getByTestId('customer-search-submit').click()
  await expect(row.first()).toBeVisible()
  for (const text of await tableRows(page).allInnerTexts()) expect(text).toContain(phone)
})
