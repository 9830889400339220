import { ElMessage, ElMessageBox } from 'element-plus'
import { i18n } from '@/locales'

/**
 * Asks before deleting `name`, deletes, and answers whether it was deleted. A refusal (409
 * `conflict.in_use` when something still refers to the record) is shown by the HTTP client.
 */
export async function confirmRemove(name: string, remove: () => Promise<unknown>): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(t('common.confirmDelete', { name }), t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
    })
  } catch {
    return false
  }
  try {
    await remove()
  } catch {
    return false
  }
  ElMessage.success(t('common.deleted'))
  return true
}
