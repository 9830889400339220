import { expect, test } from '@playwright/test'
import { login } from './support'
import { inCityGarden, PM, yesterdaysPostRound } from './patrol-support'

test.describe.configure({ timeout: 90_000 })

/**
 * Coverage counts a missed slot. A plan due once a day at 09:00-10:00 with 15 minutes' grace at
 * three posts; yesterday the guard checked 东 at 09:30 (done), 西 at 10:05 (in the grace: late)
 * and never came to 南 (missed). So yesterday: due 3 = done 1 + late 1 + missed 1, coverage
 * 1 / 3 = 33.33 %; the missed list names 南 09:00–10:00; the guard is credited with 2 slots.
 */
test('yesterday of a daily post round: one done, one late, one missed', async ({ page, request }) => {
  const { east, west, south, plan, yesterday, check } = await yesterdaysPostRound(request, '测试')
  expect((await check(east.id, '09:30')).check.placement).toBe('done')
  expect((await check(west.id, '10:05')).check.placement).toBe('late')

  await login(page, PM)
  await page.goto('/')
  await inCityGarden(page)
  await page.goto(`/patrols/coverage?from=${yesterday}&to=${yesterday}&planId=${plan.id}`)
  await expect(page.getByTestId('cov-due')).toHaveText('3')
  await expect(page.getByTestId('cov-done')).toHaveText('1')
  await expect(page.getByTestId('cov-late')).toHaveText('1')
  await expect(page.getByTestId('cov-missed')).toHaveText('1')
  await expect(page.getByTestId('cov-rate')).toHaveText('33.33%')
  await expect(page.getByTestId('coverage-calendar').locator('canvas')).toHaveCount(1)

  const byPlan = page.getByTestId('cov-by-plan').locator('tbody tr')
  await expect(byPlan).toHaveCount(1)
  await expect(byPlan).toContainText(plan.name)
  await expect(byPlan).toContainText('33.33%')

  await page.getByRole('tab', { name: '按人员' }).click()
  const guardRow = page.getByTestId('cov-by-person').locator('tbody tr')
  await expect(guardRow).toHaveCount(1)
  await expect(guardRow.locator('td').nth(2)).toHaveText('1')
  await expect(guardRow.locator('td').nth(3)).toHaveText('1')

  await page.getByRole('tab', { name: '漏检清单（1）' }).click()
  const missed = page.getByTestId('cov-missed-list').locator('tbody tr')
  await expect(missed).toHaveCount(1)
  await expect(missed).toContainText(south.name)
  await expect(missed).toContainText('09:00–10:00')
  await expect(missed).toContainText('10:15')
})
