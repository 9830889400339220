import type { PhotoStage } from '@/constants/charges'
import { http } from './http'

export interface Photo {
  id: number
  orderId: number
  stage: PhotoStage
  contentType: string
  size: number
  /** `/api/v1/photos/{id}`: the session cookie lets an <img> load it. */
  url: string
  createdAt: string
  uploadedBy: string
}

export const photoApi = {
  /** The raw image as the body; the server checks the type by content. */
  upload: (orderId: number, stage: PhotoStage, file: Blob) =>
    http
      .post<Photo>(`/work-orders/${orderId}/photos`, file, {
        params: { stage },
        headers: { 'Content-Type': file.type },
        silent: true,
      })
      .then((r) => r.data),
}
