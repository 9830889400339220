import { expect, test } from '@playwright/test'
import { CITY_GARDEN, CITY_GARDEN_ZONES, login, openMenu, switchProject } from './support'

test('switching project shows that project\'s zones', async ({ page }) => {
  await login(page)
  await openMenu(page, 'units')
  await switchProject(page, CITY_GARDEN)

  const zones = page.getByTestId('unit-tree').locator('[data-testid="tree-node"][data-kind="zone"]')
  for (const zone of CITY_GARDEN_ZONES) {
    await expect(zones.filter({ hasText: zone })).toHaveCount(1)
  }

  // The choice is kept: a reload comes back to the same project.
  await page.reload()
  await expect(page.getByTestId('project-switcher')).toContainText(CITY_GARDEN)
  await expect(zones.filter({ hasText: CITY_GARDEN_ZONES[0] })).toHaveCount(1)
})
