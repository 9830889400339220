import { expect, test } from '@playwright/test'
import { apiAs, CITY_GARDEN, login } from './support'
import { openInspectionMenu, QUALITY, today } from './inspection-support'

test.describe.configure({ mode: 'serial', timeout: 90_000 })

const code = `E2E-${Date.now()}`

test('the quality department writes a rubric with a range, a per-occurrence and an all-or-nothing item', async ({ page }) => {
  await login(page, QUALITY)
  await openInspectionMenu(page, 'rubrics')
  await expect(page.getByTestId('rubric-table')).toContainText('CS-SUPERVISION')
  await page.getByTestId('rubric-add').click()
  await page.getByTestId('rubric-code').fill(code)
  await page.getByTestId('rubric-name').fill('前台接待检查')
  await page.getByTestId('rubric-section-name').fill('接待规范')
  const items = page.getByTestId('rubric-item')
  await items.nth(0).getByTestId('rubric-item-code').fill('RC-01')
  await items.nth(0).getByTestId('rubric-item-name').fill('来访登记')
  await page.getByTestId('rubric-add-item').click()
  await expect(items.nth(1).getByTestId('rubric-item-code')).toHaveValue('RC-02')
  await items.nth(1).getByTestId('rubric-item-name').fill('微笑服务')
  await items.nth(1).getByTestId('rubric-item-rule').click()
  await page.getByRole('option', { name: '每出现一次扣分' }).click()
  await page.getByTestId('rubric-add-item').click()
  await items.nth(2).getByTestId('rubric-item-name').fill('消毒记录')
  await items.nth(2).getByTestId('rubric-item-max').locator('input').fill('10')
  await items.nth(2).getByTestId('rubric-item-max').locator('input').press('Tab')
  await items.nth(2).getByTestId('rubric-item-rule').click()
  await page.getByRole('option', { name: '不达标扣全分' }).click()
  // 5 + 5 + 10
  await expect(page.getByTestId('rubric-total')).toHaveText('合计 20 分')
  await page.getByTestId('rubric-save').click()
  await expect(page).toHaveURL(/\/inspections\/rubrics\/\d+$/)
  await openInspectionMenu(page, 'rubrics')
  const row = page.getByTestId('rubric-table').locator('tbody tr').filter({ hasText: code })
  await expect(row).toContainText('未使用')
  await expect(row).toContainText('v1')
})

test('editing a rubric an inspection used says so and writes version 2', async ({ page, request }) => {
  const api = await apiAs(request, QUALITY)
  const { items } = (await api.get('/rubrics')) as { items: { id: number; code: string }[] }
  const rubric = items.find((r) => r.code === code)!
  const scheme = (await api.post('/inspection-schemes', { name: `${code} 方案`, active: true, rubrics: [{ code, weight: 100 }] })) as { id: number }
  const project = api.projects.find((p) => p.name === CITY_GARDEN)!
  await api.post('/inspections', { schemeId: scheme.id, targetKind: 'project', targetId: project.id, method: 'open', day: today() })

  await login(page, QUALITY)
  await page.goto(`/inspections/rubrics/${rubric.id}`)
  await expect(page.getByTestId('rubric-used-hint')).toContainText('保存后将生成新版本 v2')
  await page.getByTestId('rubric-item').nth(0).getByTestId('rubric-item-name').fill('来访登记与回访')
  await page.getByTestId('rubric-save').click()
  await expect(page.getByText('已保存为新版本 v2')).toBeVisible()
  await expect(page).not.toHaveURL(new RegExp(`/rubrics/${rubric.id}$`))
  await openInspectionMenu(page, 'rubrics')
  await expect(page.getByTestId('rubric-table').locator('tbody tr').filter({ hasText: code })).toContainText('v2')
})

test('a scheme is saved only when its weights add up to 100 %', async ({ page }) => {
  await login(page, QUALITY)
  await openInspectionMenu(page, 'inspection-schemes')
  await page.getByTestId('scheme-add').click()
  const dialog = page.getByTestId('scheme-dialog')
  await dialog.getByTestId('scheme-name').fill(`E2E 双细则 ${Date.now()}`)
  await dialog.getByTestId('scheme-rubric').first().click()
  await page.getByRole('option', { name: '客户服务督导评分细则' }).click()
  await dialog.getByTestId('scheme-weight').first().locator('input').fill('60')
  await dialog.getByTestId('scheme-weight').first().locator('input').press('Tab')
  await dialog.getByRole('button', { name: '添加细则' }).click()
  await dialog.getByTestId('scheme-rubric').nth(1).click()
  await page.getByRole('option', { name: '前台接待检查' }).click()
  await dialog.getByTestId('scheme-weight').nth(1).locator('input').fill('30')
  await dialog.getByTestId('scheme-weight').nth(1).locator('input').press('Tab')
  await expect(dialog.getByTestId('scheme-sum')).toContainText('权重合计 90%')
  await expect(dialog.getByTestId('scheme-sum')).toContainText('权重合计须为100%')
  await expect(dialog.getByTestId('scheme-save')).toBeDisabled()
  await dialog.getByTestId('scheme-weight').nth(1).locator('input').fill('40')
  await dialog.getByTestId('scheme-weight').nth(1).locator('input').press('Tab')
  await expect(dialog.getByTestId('scheme-sum')).toHaveText('权重合计 100%')
  await dialog.getByTestId('scheme-save').click()
  await expect(dialog).toBeHidden()
})

test('the settings show the seed-001 reward table and the grade boundaries', async ({ page }) => {
  await login(page, QUALITY)
  await openInspectionMenu(page, 'inspection-settings')
  await expect(page.getByTestId('reward-fail-project_manager').locator('input')).toHaveValue('-500')
  await expect(page.getByTestId('reward-excellent-department_head').locator('input')).toHaveValue('600')
  await expect(page.getByTestId('reward-bonus-team').locator('input')).toHaveValue('3000')
  await expect(page.getByTestId('reward-good-project_manager').locator('input')).toHaveValue('')
  await expect(page.getByText('低于 80 分不及格；80 至 90 分（含）良好；高于 90 分优秀；96 分及以上另得团队奖。')).toBeVisible()
})
