import { expect, test } from '@playwright/test'
import { choose, login, OWNER, PHONE } from './support'

const PM = { username: 'pm', password: 'steward-demo' }
test.describe.configure({ timeout: 60_000 })

test('the project manager publishes a notice of works and the owner reads it on the phone', async ({ browser }) => {
  const title = `E2E 二次供水水箱清洗 ${Date.now()}`
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const later = new Date(Date.now() + 8 * 3600_000 + 5 * 86400_000).toISOString().slice(0, 10)

  const desk = await browser.newPage({ viewport: { width: 1366, height: 820 } })
  await login(desk, PM)
  await desk.goto('/notices')
  await desk.getByTestId('notice-new').click()
  const dialog = desk.getByTestId('notice-dialog')
  await choose(desk, dialog.getByTestId('notice-kind'), '维修施工')
  await dialog.getByTestId('notice-title').fill(title)
  await dialog.getByTestId('notice-body').fill('清洗期间 09:00-15:00 停水，请提前储水。')
  // Works need their dates: the form says so before anything is sent.
  await dialog.getByTestId('notice-save-publish').click()
  await expect(dialog).toContainText('维修施工须填写开始和结束日期')
  for (const [label, day] of [['生效日期', today], ['截止日期', later]]) {
    const input = dialog.getByRole('combobox', { name: label })
    await input.fill(day)
    await input.press('Enter')
  }
  await dialog.getByTestId('notice-title').click()
  await dialog.getByTestId('notice-save').click()
  const row = desk.getByTestId('notice-table').locator('tr').filter({ hasText: title })
  await expect(row.getByTestId('notice-status')).toHaveText('草稿')

  // A draft is not on the owners' board.
  const phone = await browser.newPage({ viewport: PHONE })
  await login(phone, OWNER)
  await phone.getByTestId('m-tab-m-notices').click()
  await expect(phone).toHaveURL(/\/m\/notices$/)
  await expect(phone.getByTestId('m-notice').first()).toBeVisible()
  await expect(phone.getByTestId('m-notice').filter({ hasText: title })).toHaveCount(0)

  await row.getByTestId('notice-publish').click()
  await expect(row.getByTestId('notice-status')).toHaveText('已发布')

  await phone.reload()
  const card = phone.getByTestId('m-notice').filter({ hasText: title })
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('请提前储水')
  await expect(card).toContainText(`${today} ~ ${later}`)
  // The demo's pinned notice with the 24-hour phone comes first.
  await expect(phone.getByTestId('m-notice-title').first()).toHaveText('服务时间及24小时服务电话')

  await row.getByTestId('notice-withdraw').click()
  await expect(row.getByTestId('notice-status')).toHaveText('已撤回')
  await phone.reload()
  await expect(phone.getByTestId('m-notice').first()).toBeVisible()
  await expect(phone.getByTestId('m-notice').filter({ hasText: title })).toHaveCount(0)
})
