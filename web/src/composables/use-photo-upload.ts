import { ElMessage } from 'element-plus'
import { photoApi, type Photo } from '@/api/photos'
import type { PhotoStage } from '@/constants/charges'
import { i18n } from '@/locales'

/**
 * Sends picked photos one by one with `send`: what they belong to stands whatever happens to a
 * photo; a refused one is reported with the server's reason. Returns the answers of those sent.
 */
export async function uploadEach<T>(files: readonly File[], send: (file: File) => Promise<T>): Promise<T[]> {
  const sent: T[] = []
  const failed: string[] = []
  for (const file of files) {
    try {
      sent.push(await send(file))
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

/** Sends the picked photos of an order, after the order was created or completed. */
export function uploadPhotos(orderId: number, stage: PhotoStage, files: readonly File[]): Promise<Photo[]> {
  return uploadEach(files, (file) => photoApi.upload(orderId, stage, file))
}
