import { expect, test } from '@playwright/test'
import { CITY_GARDEN, login } from './support'

const PM = { username: 'pm', password: 'steward-demo' }
const QUALITY = { username: 'quality', password: 'steward-demo' }
const COLOURS = ['达标', '接近', '未达标', '无数据']

test('the project manager lands on the project dashboard and a card opens the list behind it', async ({ page }) => {
  await login(page, PM)
  const board = page.getByTestId('project-dashboard')
  await expect(board).toContainText(CITY_GARDEN)
  const cards = board.locator('[data-testid^="card-"]').filter({ has: page.getByTestId('card-value') })
  await expect(cards).toHaveCount(7)
  const satisfaction = board.getByTestId('card-satisfaction')
  await expect(satisfaction).toContainText('满意度')
  await expect(satisfaction).toContainText('≥ 85%')
  expect(COLOURS).toContain((await satisfaction.getByTestId('card-colour').innerText()).trim())
  // The fraction on the card is the API's numerator and denominator.
  const fraction = (await satisfaction.getByTestId('card-fraction').innerText()).trim()
  expect(fraction).toMatch(/^\d+ \/ \d+$/)
  await expect(board.getByTestId('open-state')).toHaveCount(4)
  await board.getByTestId('card-handover_24h').locator('a').first().click()
  await expect(page).toHaveURL(/\/work-orders\?.*kind=complaint/)
})

test('the quality department sees every project ranked in the grid, coloured by state', async ({ page }) => {
  await login(page, QUALITY)
  await page.goto('/dashboards/company')
  const grid = page.getByTestId('company-grid')
  await expect(grid).toContainText(CITY_GARDEN)
  await expect(grid).toContainText('翠湖天地服务中心')
  await expect(grid).toContainText('西山庭院服务中心')
  const cells = grid.locator('[data-testid^="cell-CSHY-"]')
  await expect(cells).toHaveCount(7)
  for (const colour of await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-colour'))))
    expect(['green', 'amber', 'red', 'none']).toContain(colour)
  await expect(grid.locator('thead')).toContainText('有效投诉处理率')
})

test('the dashboards speak English too', async ({ page }) => {
  await login(page, PM)
  await page.evaluate(() => localStorage.setItem('steward.locale', 'en-US'))
  await page.goto('/dashboards/project')
  await expect(page.getByTestId('card-satisfaction')).toContainText('Satisfaction')
})
