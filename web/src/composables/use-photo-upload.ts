import { ElMessage } from 'element-plus'
import { photoApi, type Photo } from '@/api/photos'
import type { PhotoStage } from '@/constants/charges'
import { i18n } from '@/locales'

/**
 * Sends the picked photos of an order one by one, after the order was created or completed: the
 * order stands whatever happens to a photo; a refused one is reported with the server's reason.
 */
export async function uploadPhotos(orderId: number, stage: PhotoStage, files: readonly File[]): Promise<Photo[]> {
  const sent: Photo[] = []
  const failed: string[] = []
  for (const file of files) {
    try {
      sent.push(await photoApi.upload(orderId, stage, file))
    } catch (error) {
      failed.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  if (failed.length) {
    ElMessage({
      type: 'warning',
      message: i18n.global.t('photo.someFailed', { count: failed.length, reasons: failed.join('; ') }),
      duration: 8000,
    })
  }
  return sent
}
