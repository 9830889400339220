import { expect, test } from '@playwright/test'
import { login } from './support'

const PM = { username: 'pm', password: 'steward-demo' }
const QUALITY = { username: 'quality', password: 'steward-demo' }
test.describe.configure({ timeout: 60_000 })

async function setTarget(page: import('@playwright/test').Page, target: string, margin: string) {
  const t = page.getByTestId('target-satisfaction-target').locator('input')
  await t.fill(target)
  await t.blur()
  const m = page.getByTestId('target-satisfaction-margin').locator('input')
  await m.fill(margin)
  await m.blur()
  await page.getByTestId('target-satisfaction-save').click()
  await expect(page.getByText('目标已保存').last()).toBeVisible()
}

test('the quality department changes a target and the dashboard card changes colour', async ({ browser }) => {
  const quality = await browser.newPage()
  await login(quality, QUALITY)
  await quality.goto('/system/targets')
  await expect(quality.getByTestId('target-table')).toContainText('满意度')
  await expect(quality.getByTestId('target-satisfaction-bands')).toContainText('80 – 84.99')

  // A margin above the target is refused with a message on the field.
  const m = quality.getByTestId('target-satisfaction-margin').locator('input')
  await m.fill('90')
  await m.blur()
  await quality.getByTestId('target-satisfaction-save').click()
  await expect(quality.getByTestId('target-table')).toContainText('黄色区间不能大于目标值')

  // Target 0: every measured figure reaches it.
  await setTarget(quality, '0', '0')
  const pm = await browser.newPage()
  await login(pm, PM)
  const card = pm.getByTestId('project-dashboard').getByTestId('card-satisfaction')
  await expect(card.getByTestId('card-colour')).toHaveText('达标')
  await expect(card).toContainText('≥ 0%')

  // Target 100 with no amber margin: anything below 100 % is red.
  await setTarget(quality, '100', '0')
  await pm.reload()
  const value = (await card.getByTestId('card-value').innerText()).trim()
  await expect(card.getByTestId('card-colour')).toHaveText(value.startsWith('100') ? '达标' : '未达标')
  await expect(card).toContainText('≥ 100%')

  await setTarget(quality, '85', '5')
})
