import { onMounted, ref, useTemplateRef } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { fieldErrorsOf } from '@/api/errors'
import { settingsApi, type Settings } from '@/api/settings'
import { i18n } from '@/locales'
import { settingsFormOf, settingsPayload, type SettingsForm } from './schema'

/** 系统设置: the company's webhook and how long a charge may stay unpaid. */
export function useSettings() {
  const settings = ref<Settings | null>(null)
  const form = ref<SettingsForm>({ webhookUrl: '', webhookSecret: '', unpaidChargeDays: 3 })
  const formRef = useTemplateRef<FormInstance>('formRef')
  const fieldErrors = ref<Record<string, string>>({})
  const loading = ref(false)
  const saving = ref(false)

  function show(value: Settings) {
    settings.value = value
    form.value = settingsFormOf(value)
  }

  async function load() {
    loading.value = true
    try {
      show(await settingsApi.get())
    } finally {
      loading.value = false
    }
  }

  async function save() {
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    fieldErrors.value = {}
    saving.value = true
    try {
      show(await settingsApi.update(settingsPayload(form.value)))
      ElMessage.success(i18n.global.t('common.saved'))
    } catch (error) {
      fieldErrors.value = fieldErrorsOf(error)
    } finally {
      saving.value = false
    }
  }

  onMounted(load)
  return { settings, form, fieldErrors, loading, saving, save }
}
