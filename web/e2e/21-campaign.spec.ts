import { expect, test } from '@playwright/test'
import { apiLogin, login } from './support'

/** The supervisor of 城市花园 works the tasks of the demo's action plan (seed 000). */
const SUPERVISOR = { username: 'supervisor', password: 'steward-demo' }
const PLAN = '“优质服务从我做起,提升客户满意度”行动方案'

test.describe.configure({ mode: 'serial', timeout: 60_000 })

test('the running campaigns show their current phase and progress, and the phases lie on a timeline', async ({ page }) => {
  await login(page, SUPERVISOR)
  await page.goto('/campaigns')
  const cards = page.getByTestId('campaign-card')
  await expect(cards).toHaveCount(2)
  await page.getByTestId('campaign-link').filter({ hasText: '物业基础服务管理品质提升专项工作' }).click()
  await expect(page.getByTestId('campaign-timeline')).toBeVisible()
  await expect(page.getByTestId('campaign-phase')).toHaveCount(5)
  await expect(page.getByTestId('campaign-current-phase')).toContainText('整改预防阶段')
  await expect(page.locator('[data-testid="campaign-phase"][data-state="current"]')).toContainText('整改预防阶段')
})

test('completing a task with evidence moves the progress', async ({ page, request }) => {
  const { token } = await apiLogin(request, SUPERVISOR)
  const list = (await (await request.get('/api/v1/campaigns?pageSize=50', { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    items: { id: number; name: string; progress: { done: number; total: number; percent: number } }[]
  }
  const plan = list.items.find((c) => c.name === PLAN)!
  const { done, total } = plan.progress

  await login(page, SUPERVISOR)
  await page.goto(`/campaigns/${plan.id}`)
  await expect(page.getByTestId('campaign-name')).toHaveText(PLAN)
  await expect(page.getByTestId('campaign-progress-text')).toHaveText(`已完成 ${done}/${total}`)
  // The late task (维修组's BI checks, due three days ago) is flagged; complete it.
  const late = page.getByTestId('campaign-tasks').locator('tr', { hasText: '规范入户维修人员BI行为' })
  await expect(late.getByTestId('task-status')).toHaveText('已逾期')
  await expect(page.getByTestId('campaign-overdue')).toBeVisible()
  await late.getByTestId('task-complete').click()
  // Evidence is required.
  await page.getByTestId('task-complete-save').click()
  await expect(page.getByTestId('complete-dialog').locator('.el-form-item__error')).toBeVisible()
  await expect(page.getByTestId('campaign-progress-text')).toHaveText(`已完成 ${done}/${total}`)
  await page.getByTestId('task-evidence').fill('维修组BI检查记录表已归档')
  await page.getByTestId('task-complete-save').click()
  await expect(page.getByTestId('campaign-progress-text')).toHaveText(`已完成 ${done + 1}/${total}`)
  await expect(late.getByTestId('task-status')).toHaveText('已完成')
  await expect(late).toContainText('维修组BI检查记录表已归档')
  await expect(page.getByTestId('campaign-progress')).toContainText(`${Math.floor(((done + 1) * 100) / total)}%`)
})
