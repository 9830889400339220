import { computed, reactive, ref, useTemplateRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { FormInstance, FormRules } from 'element-plus'
import type { LoginForm, Me } from '@/api/auth'
import { ApiError } from '@/api/errors'
import { useAppStore } from '@/stores/app'
import { useUserStore } from '@/stores/user'
import { landingPath } from '@/utils/landing'
import { required } from '@/utils/rules'

export function useLogin() {
  const user = useUserStore()
  const app = useAppStore()
  const route = useRoute()
  const router = useRouter()

  const formRef = useTemplateRef<FormInstance>('loginForm')
  const form = reactive<LoginForm>({ username: '', password: '' })
  const rules = computed<FormRules<LoginForm>>(() => ({
    username: [required()],
    password: [required()],
  }))
  const submitting = ref(false)
  const error = ref('')

  /** Only paths inside the console are followed after signing in; else the user's own start page. */
  function redirectTarget(me: Me): string {
    const redirect = route.query.redirect
    return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')
      ? redirect
      : landingPath(me)
  }

  async function submit() {
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    submitting.value = true
    error.value = ''
    try {
      const me = await user.login({ username: form.username.trim(), password: form.password })
      app.ensureProject(me.projects)
      await router.replace(redirectTarget(me))
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
      form.password = ''
    } finally {
      submitting.value = false
    }
  }

  return { form, rules, submitting, error, submit }
}
