import { expect, test } from '@playwright/test'
import { login } from './support'
import { openInspectionMenu, QUALITY } from './inspection-support'

// The server's field messages are English (for API clients); the console shows them in Chinese
// on the fields, whatever the form (api/field-messages.ts).
test('a rubric saved with empty names shows the server\'s field errors in Chinese', async ({ page }) => {
  await login(page, QUALITY)
  await openInspectionMenu(page, 'rubrics')
  await page.getByTestId('rubric-add').click()
  await page.getByTestId('rubric-code').fill(`E2E-ERR-${Date.now()}`)
  await page.getByTestId('rubric-name').fill('错误提示检查')
  await page.getByTestId('rubric-item').nth(0).getByTestId('rubric-item-code').fill('ER-01')
  // The section and the item keep no name.
  await page.getByTestId('rubric-save').click()
  const item = page.getByTestId('rubric-item').nth(0)
  const itemError = item.locator('.el-form-item__error').first()
  await expect(itemError).toBeVisible()
  await expect(itemError).toHaveText(/^(不能为空|必填)$/)
  const sectionError = page.getByTestId('rubric-section').nth(0).locator('.rubric-edit__inline .el-form-item__error')
  await expect(sectionError).toHaveText(/^(不能为空|必填)$/)
  await expect(page.locator('.el-form-item__error', { hasText: /must|is required/ })).toHaveCount(0)
})
