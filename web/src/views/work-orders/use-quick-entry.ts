import { computed, nextTick, ref, useTemplateRef } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { fieldErrorsOf } from '@/api/errors'
import type { Customer } from '@/api/org'
import { workOrderApi, type WorkOrder } from '@/api/work-orders'
import { i18n } from '@/locales'
import { blankQuickEntry, quickEntryPayload, quickEntryRules, withCustomer, type QuickEntryForm } from './schema'

/** The quick entry dialog: a blank form at "now", the customer picked, and the server's field errors. */
export function useQuickEntry(projectId: () => number, onCreated: (order: WorkOrder) => void) {
  const visible = ref(false)
  let openedAt = new Date()
  const form = ref<QuickEntryForm>(blankQuickEntry(projectId(), openedAt))
  const formRef = useTemplateRef<FormInstance>('formRef')
  const fieldErrors = ref<Record<string, string>>({})
  const saving = ref(false)
  const rules = computed(() => quickEntryRules(form.value))
  /** The unit of the customer picked last. */
  let pickedUnitId: number | null = null

  function open() {
    openedAt = new Date()
    openedAt.setSeconds(0, 0)
    form.value = blankQuickEntry(projectId(), openedAt)
    fieldErrors.value = {}
    visible.value = true
    void nextTick(() => formRef.value?.clearValidate())
  }

  function pickCustomer(customer: Customer) {
    form.value = withCustomer(form.value, customer)
    pickedUnitId = customer.unitId
    void nextTick(() => formRef.value?.clearValidate(['unitId', 'reporterName', 'reporterPhone']))
  }

  /** A unit chosen by hand lets go of a customer who does not live there. */
  function onUnitChange(unitId: number | null) {
    if (form.value.customerId && unitId !== pickedUnitId) {
      form.value = { ...form.value, customerId: null, reporterName: '', reporterPhone: '' }
    }
  }

  async function submit() {
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    fieldErrors.value = {}
    saving.value = true
    try {
      const order = await workOrderApi.create(quickEntryPayload(form.value, openedAt))
      visible.value = false
      ElMessage.success(i18n.global.t('workOrder.entry.createdToast', { code: order.code }))
      onCreated(order)
    } catch (error) {
      fieldErrors.value = fieldErrorsOf(error)
    } finally {
      saving.value = false
    }
  }

  return { visible, form, rules, fieldErrors, saving, open, pickCustomer, onUnitChange, submit }
}
