import { expect, test } from '@playwright/test'
import { CITY_GARDEN, login, openMenu, switchProject, tableRows } from './support'

test('a unit added in a building appears in its list', async ({ page }) => {
  const name = `E2E-${Date.now()}`

  await login(page)
  await switchProject(page, CITY_GARDEN)
  await openMenu(page, 'units')

  const building = page.getByTestId('unit-tree').locator('[data-testid="tree-node"][data-kind="building"]').first()
  const buildingName = (await building.locator('.project-tree__label').innerText()).trim()
  await building.click()

  await page.getByTestId('unit-add').click()
  const form = page.getByTestId('unit-form')
  await expect(form).toBeVisible()
  await expect(page.getByTestId('unit-form-building')).toContainText(buildingName)
  await page.getByTestId('unit-form-name').fill(name)
  await page.getByTestId('unit-form-floor').locator('input').fill('3')
  await page.getByTestId('unit-form-area').locator('input').fill('88.5')
  await page.getByTestId('unit-form-area').locator('input').blur()
  await page.getByTestId('unit-form-submit').click()
  await expect(form).toBeHidden()

  await page.getByTestId('unit-search').fill(name)
  await page.getByTestId('unit-search-submit').click()
  const row = tableRows(page).filter({ hasText: name })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(buildingName)
  await expect(row).toContainText('88.50')
})
