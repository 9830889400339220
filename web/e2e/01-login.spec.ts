import { expect, test } from '@playwright/test'
import { ADMIN, login } from './support'

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login')
  await page.getByTestId('login-username').fill(ADMIN.username)
  await page.getByTestId('login-password').fill('not-the-password')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-error')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})

test('the administrator signs in and out', async ({ page }) => {
  await login(page)
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByTestId('side-menu')).toBeVisible()

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByTestId('login-submit')).toBeVisible()
})

test('pages need a session', async ({ page }) => {
  await page.goto('/org/customers')
  await expect(page).toHaveURL(/\/login\?redirect=/)
  await page.getByTestId('login-username').fill(ADMIN.username)
  await page.getByTestId('login-password').fill(ADMIN.password)
  await page.getByTestId('login-submit').click()
  await expect(page).toHaveURL(/\/org\/customers$/)
})
