import { expect, test } from '@playwright/test'
import { login, PHONE } from './support'
import { clearOfEdges, CLEANING, patrolApi, runTag } from './patrol-support'

test.use({ viewport: PHONE })
// Up to 150 s of waiting for midnight (clearOfEdges) on top of the steps.
test.describe.configure({ mode: 'serial', timeout: 300_000 })

/**
 * A cleaner's round on the phone: the restroom is due now, the cleaner types the code from its
 * label (the camera is not used in a headless browser), answers the checklist with one finding
 * and submits; the slot is done. A second check is made while the phone is offline: it waits in
 * the queue, is counted on the page, and goes when the network returns.
 */
const tag = runTag()
const code = `E2E-WC-${tag}`
const name = `测试洗手间${tag}`
let planId = 0
let checkpointId = 0

test.beforeAll(async ({ request }) => {
  const admin = await patrolApi(request)
  const cp = await admin.post('/patrol-checkpoints', { projectId: admin.project.id, code, name, kind: 'room', place: '会所一层' })
  checkpointId = cp.id
  // One slot all day: a slot is open whenever the test runs, and only midnight ends it (each test
  // waits midnight out first), so the check and the due list are of the same slot.
  const plan = await admin.post('/patrol-plans', {
    projectId: admin.project.id,
    name: `洗手间保洁巡视（测试${tag}）`,
    assignee: { kind: 'role', role: 'cleaning' },
    schedule: { kind: 'interval', everyMinutes: 1440, windows: [{ from: '00:00', to: '24:00' }] },
    graceMinutes: 10,
    checkpointIds: [cp.id],
    items: [
      { label: '地面无杂物', kind: 'check' },
      { label: '地漏已清理并补水', kind: 'check' },
    ],
  })
  planId = plan.id
})

test('a cleaner sees the restroom due, checks in by typing its code and records the check', async ({ page, request }) => {
  await clearOfEdges([0])
  await login(page, CLEANING)
  // Cleaning staff start on the phone's 巡检 page.
  await expect(page).toHaveURL(/\/m\/patrol$/)
  await expect(page.getByTestId('m-title')).toHaveText('巡检')
  const due = page.getByTestId('patrol-due').filter({ hasText: name })
  await expect(due).toHaveCount(1)
  await expect(due.getByTestId('patrol-due-state')).toHaveText('待检')

  await page.getByTestId('patrol-code').fill(code)
  await page.getByTestId('patrol-checkin').click()
  await expect(page.getByTestId('check-point')).toContainText(name)
  await expect(page.getByTestId('check-point')).toContainText('会所一层')
  await expect(page.getByTestId('check-plan').filter({ hasText: `洗手间保洁巡视（测试${tag}）` })).toHaveClass(/is-checked/)

  // Nothing answered: the form says what is missing and sends nothing.
  await page.getByTestId('check-submit').click()
  await expect(page.getByText('请选择正常或不正常')).toHaveCount(2)

  const items = page.getByTestId('check-item')
  await items.nth(0).getByTestId('check-ok').click()
  await items.nth(1).getByTestId('check-not-ok').click()
  await items.nth(1).getByTestId('check-item-note').fill('地漏堵塞，有异味')
  await page.getByTestId('check-submit').click()
  await expect(page.getByText('检查已记录')).toBeVisible()
  await expect(page).toHaveURL(/\/m\/patrol$/)
  await expect(due.getByTestId('patrol-due-state')).toHaveText('已完成')

  const admin = await patrolApi(request)
  const { items: checks } = await admin.get('/patrol-checks', { planId, checkpointId })
  expect(checks).toHaveLength(1)
  expect(checks[0]).toMatchObject({ placement: 'done', notOk: 1, lateArrival: false })
  expect(checks[0].results.map((r: { ok: boolean; note: string }) => [r.ok, r.note])).toEqual([
    [true, ''],
    [false, '地漏堵塞，有异味'],
  ])
})

test('a check made offline waits on the phone and is sent when the network returns', async ({ page, context, request }) => {
  await clearOfEdges([0])
  await login(page, CLEANING)
  await page.getByTestId('patrol-code').fill(code)
  await page.getByTestId('patrol-checkin').click()
  await expect(page.getByTestId('check-point')).toContainText(name)
  const items = page.getByTestId('check-item')
  await items.nth(0).getByTestId('check-ok').click()
  await items.nth(1).getByTestId('check-ok').click()

  await context.setOffline(true)
  await page.getByTestId('check-submit').click()
  await expect(page.getByText('网络不可用，记录已保存在手机上')).toBeVisible()
  await expect(page.getByTestId('patrol-queue')).toContainText('1 条记录')
  const admin = await patrolApi(request)
  expect((await admin.get('/patrol-checks', { planId, checkpointId })).items).toHaveLength(1)

  await context.setOffline(false)
  await expect(page.getByTestId('patrol-queue')).toBeHidden({ timeout: 20_000 })
  await expect.poll(async () => (await admin.get('/patrol-checks', { planId, checkpointId })).items.length).toBe(2)
  const [latest] = (await admin.get('/patrol-checks', { planId, checkpointId })).items
  // Made while offline, a moment ago: placed in the slot by when it was made.
  expect(latest).toMatchObject({ placement: 'done', notOk: 0, lateArrival: false })
  expect(latest.clientId).toMatch(/^[0-9a-f-]{36}$/)
})
