import { computed, nextTick, ref, useTemplateRef, type Ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { fieldErrorsOf } from '@/api/errors'
import { i18n } from '@/locales'

export interface FormDialogOptions<F, R> {
  /** The form of a new record. */
  blank: () => F
  /** The form of an existing record. */
  fromRow: (row: R) => F
  create: (form: F) => Promise<unknown>
  update: (id: number, form: F, row: R) => Promise<unknown>
  onSaved?: () => void
  /** The `ref` of the dialog's el-form in the template; `formRef` unless a page has two dialogs. */
  formRef?: string
}

/**
 * State and actions of an add/edit dialog: validates with the form's rules, saves, and puts the
 * server's per-field `details` on the form items when the save is refused.
 */
export function useFormDialog<F extends object, R extends { id: number }>(
  options: FormDialogOptions<F, R>,
) {
  const visible = ref(false)
  const editing = ref<R | null>(null) as Ref<R | null>
  const form = ref(options.blank()) as Ref<F>
  const formRef = useTemplateRef<FormInstance>(options.formRef ?? 'formRef')
  const fieldErrors = ref<Record<string, string>>({})
  const saving = ref(false)
  const isEdit = computed(() => editing.value !== null)

  /** Opens for a new record (optionally preset) or, given a row, for editing it. */
  function open(row?: R | null, preset: Partial<F> = {}) {
    editing.value = row ?? null
    form.value = row ? options.fromRow(row) : { ...options.blank(), ...preset }
    fieldErrors.value = {}
    visible.value = true
    void nextTick(() => formRef.value?.clearValidate())
  }

  async function submit() {
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    fieldErrors.value = {}
    saving.value = true
    try {
      if (editing.value) await options.update(editing.value.id, form.value, editing.value)
      else await options.create(form.value)
      visible.value = false
      ElMessage.success(i18n.global.t('common.saved'))
      options.onSaved?.()
    } catch (error) {
      fieldErrors.value = fieldErrorsOf(error)
    } finally {
      saving.value = false
    }
  }

  return { visible, editing, isEdit, form, fieldErrors, saving, open, submit }
}
