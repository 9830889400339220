import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/errors'
import { staffApi, teamApi, type Staff, type Team } from '@/api/org'
import { MAX_PAGE_SIZE } from '@/api/types'
import { chargeApi } from '@/api/charges'
import { workOrderApi, type ChargeAction, type OrderAction, type WorkOrderDetail } from '@/api/work-orders'
import { uploadPhotos } from '@/composables/use-photo-upload'
import { useCategories } from '@/composables/use-categories'
import { useNow } from '@/composables/use-now'
import { PERMISSIONS } from '@/constants/permissions'
import { i18n } from '@/locales'
import { useUserStore } from '@/stores/user'
import { orderNames, type NameLookup } from '@/utils/work-order'
import { payBody, type ChargeForm } from './charge-form'
import { stepPayload, type ActionForm } from './schema'

/** One order: its details, clocks and timeline, and the steps the signed-in user may take on it. */
export function useWorkOrder() {
  const route = useRoute()
  const router = useRouter()
  const user = useUserStore()
  const order = ref<WorkOrderDetail | null>(null)
  const loading = ref(false)
  const missing = ref(false)
  const staff = shallowRef<Staff[]>([])
  const teams = shallowRef<Team[]>([])
  const { categoryName } = useCategories()
  const now = useNow()

  const id = computed(() => Number(route.params.id))

  async function load() {
    loading.value = true
    try {
      order.value = await workOrderApi.get(id.value)
      missing.value = false
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) missing.value = true
    } finally {
      loading.value = false
    }
  }

  /** The project's staff and teams: names for the timeline and choices for a dispatch. */
  async function loadPeople(projectId: number) {
    if (!user.can(PERMISSIONS.staffRead)) return
    const query = { projectId, pageSize: MAX_PAGE_SIZE }
    const [people, groups] = await Promise.all([
      staffApi.list(query).catch(() => null),
      teamApi.list(query).catch(() => null),
    ])
    staff.value = people?.items ?? []
    teams.value = groups?.items ?? []
  }

  const projectNames: NameLookup = {
    staff: (staffId) => staff.value.find((s) => s.id === staffId)?.name,
    team: (teamId) => teams.value.find((t) => t.id === teamId)?.name,
  }
  const names = computed(() => (order.value ? orderNames(order.value, projectNames) : projectNames))

  /** Takes a step (or reworks the order) and shows the order after it; a rework opens the new order. */
  async function act(action: OrderAction, form: ActionForm) {
    const current = order.value
    if (!current) return
    if (action === 'pay' || action === 'explainCharge') return
    if (action === 'rework') {
      const created = await workOrderApi.rework(current.id, form.reason.trim())
      ElMessage.success(i18n.global.t('workOrder.detail.reworked', { code: created.code }))
      await router.push(`/work-orders/${created.id}`)
      return
    }
    await workOrderApi.step(current.id, action, stepPayload(action, form, current.kind))
    ElMessage.success(i18n.global.t('workOrder.detail.done', { action: i18n.global.t(`workOrder.actions.${action}`) }))
    // Photos go up once the order is completed: a refused photo never holds the completion back.
    if (action === 'complete' && form.extras.photos.length) await uploadPhotos(current.id, 'complete', form.extras.photos)
    await load()
  }

  /** 收费 or 逾期说明. */
  async function charge(action: ChargeAction, form: ChargeForm) {
    const current = order.value
    if (!current?.charge) return
    if (action === 'pay') await chargeApi.pay(current.id, payBody(form, current.charge))
    else await chargeApi.explain(current.id, form.explanation.trim())
    ElMessage.success(i18n.global.t('workOrder.detail.done', { action: i18n.global.t(`workOrder.actions.${action}`) }))
    await load()
  }

  watch(id, () => void load(), { immediate: true })
  watch(
    () => order.value?.projectId,
    (projectId) => {
      if (projectId) void loadPeople(projectId)
    },
  )

  return { order, loading, missing, staff, teams, names, categoryName, now, load, act, charge }
}
