import { expect, test } from '@playwright/test'
import { apiAs, CITY_GARDEN, login, PHONE } from './support'
import { itemCard, planCityGarden, PM, QUALITY, recordItem, staffOf, typeAmounts } from './inspection-support'

test.use({ viewport: PHONE })
test.describe.configure({ mode: 'serial', timeout: 120_000 })

/**
 * Worked example 1 of docs/inspections.md, done by hand on a phone with the seed-001 scheme
 * (four rubrics at 25 % each), and checked against this arithmetic:
 *
 *   客户服务督导 (100): CS-03 2 + 1.5 = 3.5 (10 → 6.5); CS-07 2 + 2 + 2 = 6 on 5 → 0 (never below
 *                       zero, so 5 off); CS-10 0.5                     → 100 - 9 = 91.00
 *   设施设备 (20):      FAC-03 1 + 0.3 = 1.3                            → 18.7 × 100 / 20 = 93.50
 *   案场服务 (65):      ONS-01 3 × 0.2; ONS-10 1 × 0.2 = 0.8            → 64.2 × 100 / 65 = 98.769… → 98.77
 *   会所 (44):          CLB-07 failed, 4                                → 40 × 100 / 44 = 90.909… → 90.91
 *   composite: (91.00 + 93.50 + 98.77 + 90.91) × 25 % = 93.545 → 93.55, excellent (above 90),
 *   no team bonus (below 96): the project manager +1000, each supervisor +600.
 */
let plan: Awaited<ReturnType<typeof planCityGarden>>

test.beforeAll(async ({ request }) => {
  plan = await planCityGarden(request)
})

test('the quality department records worked example 1 item by item on a phone and submits it', async ({ page }) => {
  await login(page, QUALITY)
  await page.goto('/m/inspections')
  await expect(page.getByTestId('m-title')).toHaveText('检查')
  await page.locator(`a[href="/m/inspections/${plan.id}"]`).click()
  await expect(page.getByTestId('insp-head')).toContainText(CITY_GARDEN)
  const score = page.getByTestId('insp-score')
  await expect(score).toHaveText('100')

  // 客户服务督导: a range item with two amounts.
  const cs03 = itemCard(page, 'CS-03')
  await expect(cs03).toContainText('每缺一项扣 1-2 分，共 4 项')
  await cs03.locator('summary').click()
  await expect(cs03).toContainText('客户需求信息应及时作好登记')
  await typeAmounts(cs03, [2, 1.5])
  await cs03.getByTestId('insp-note').fill('季度信息统计分析未做；回访记录缺3条')
  // The running score counts what is typed before it is saved: (96.5 + 300) / 4 = 99.125 → 99.13.
  await expect(cs03.getByTestId('insp-item-score')).toContainText('6.5')
  await expect(score).toHaveText('99.13')
  await recordItem(page, cs03)
  await expect(score).toHaveText('99.13')

  // Three amounts of 2 on a 5-point item would be -1: the page says the item scores 0.
  const cs07 = itemCard(page, 'CS-07')
  await typeAmounts(cs07, [2, 2, 2])
  await expect(cs07).toContainText('扣分超过满分，本项按0分计')
  await expect(cs07.getByTestId('insp-item-score')).toContainText('0 / 5')
  await cs07.getByTestId('insp-note').fill('2人未佩戴工牌，1人着装不整')
  await recordItem(page, cs07)

  const cs10 = itemCard(page, 'CS-10')
  await typeAmounts(cs10, [0.5])
  await recordItem(page, cs10)
  // 客户服务督导 is 91 now: (91 + 300) / 4 = 97.75.
  await expect(score).toHaveText('97.75')

  await page.getByRole('tab', { name: /设施设备/ }).click()
  const fac03 = itemCard(page, 'FAC-03')
  await typeAmounts(fac03, [1, 0.3])
  await recordItem(page, fac03)

  await page.getByRole('tab', { name: /案场服务/ }).click()
  const ons01 = itemCard(page, 'ONS-01')
  await ons01.getByTestId('insp-occurrences').locator('input').fill('3')
  await ons01.getByTestId('insp-occurrences').locator('input').press('Tab')
  await recordItem(page, ons01)
  const ons10 = itemCard(page, 'ONS-10')
  await ons10.getByTestId('insp-occurrences').locator('input').fill('1')
  await ons10.getByTestId('insp-occurrences').locator('input').press('Tab')
  await recordItem(page, ons10)

  await page.getByRole('tab', { name: /会所/ }).click()
  const clb07 = itemCard(page, 'CLB-07')
  await clb07.getByTestId('insp-failed').click()
  await clb07.getByTestId('insp-note').fill('泳池pH值7.9以上未调整')
  await recordItem(page, clb07)

  await expect(score).toHaveText('93.55')
  await expect(page.getByTestId('insp-grade')).toHaveText('优秀')

  await page.getByTestId('insp-submit').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('当前得分 93.55（优秀）')
  await box.getByRole('button', { name: '提交检查' }).click()

  const result = page.getByTestId('insp-result')
  await expect(result).toBeVisible()
  await expect(page.getByTestId('insp-result-score')).toHaveText('93.55')
  await expect(page.getByTestId('insp-result-grade')).toHaveText('优秀')
  await expect(page.getByTestId('insp-result-bonus')).toHaveCount(0)
  await expect(page.getByTestId('insp-rubric-score')).toHaveText(['91', '93.5', '98.77', '90.91'])
})

test('the result lists the rewards of an excellent grade per person, in yuan', async ({ page, request }) => {
  const people = await staffOf(await apiAs(request, QUALITY), plan.project.id)
  expect(people.managers.map((m) => m.name)).toEqual([PM.name])
  await login(page, QUALITY)
  await page.goto(`/m/inspections/${plan.id}`)
  const rows = page.getByTestId('insp-result-payments').locator('tbody tr')
  await expect(rows).toHaveCount(1 + people.supervisors.length)
  await expect(rows.filter({ hasText: PM.name })).toContainText('+¥1,000')
  for (const s of people.supervisors) await expect(rows.filter({ hasText: s.name })).toContainText('+¥600')
  // 1000 + 600 per supervisor, nothing for team leaders on an excellent grade.
  await expect(page.getByTestId('insp-payment-total')).toHaveText(`+¥${(1000 + 600 * people.supervisors.length).toLocaleString('en-US')}`)
  await expect(page.getByTestId('insp-radar')).toHaveCount(4)
})
