import { computed, onMounted, ref, shallowRef, useTemplateRef } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage, type FormInstance } from 'element-plus'
import { fieldErrorsOf } from '@/api/errors'
import { listOwnUnits, type Unit } from '@/api/org'
import { workOrderApi } from '@/api/work-orders'
import { useCategories } from '@/composables/use-categories'
import { uploadPhotos } from '@/composables/use-photo-upload'
import { i18n } from '@/locales'
import { blankReport, reportPayload, type ReportForm } from '../schema'

/** 报事报修: an owner reports a repair or a complaint for their unit (GET /units answers theirs only). */
export function useReport() {
  const router = useRouter()
  const units = shallowRef<Unit[]>([])
  const form = ref<ReportForm>(blankReport([]))
  const formRef = useTemplateRef<FormInstance>('formRef')
  const fieldErrors = ref<Record<string, string>>({})
  /** Up to 9, sent with the stage `report` once the order exists. */
  const photos = ref<File[]>([])
  const loading = ref(false)
  const saving = ref(false)
  const { categories, categoryName } = useCategories()

  const unit = computed(() => units.value.find((u) => u.id === form.value.unitId) ?? null)

  onMounted(async () => {
    loading.value = true
    try {
      units.value = await listOwnUnits()
      form.value = blankReport(units.value)
    } finally {
      loading.value = false
    }
  })

  async function submit() {
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid || !unit.value) return
    fieldErrors.value = {}
    saving.value = true
    try {
      const order = await workOrderApi.create(reportPayload(form.value, unit.value))
      ElMessage.success(i18n.global.t('mobile.reported', { code: order.code }))
      if (photos.value.length) await uploadPhotos(order.id, 'report', photos.value)
      await router.push('/m/my-orders')
    } catch (error) {
      fieldErrors.value = fieldErrorsOf(error)
    } finally {
      saving.value = false
    }
  }

  return { units, form, fieldErrors, photos, loading, saving, categories, categoryName, submit }
}
