import { computed, ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { fieldErrorsOf } from '@/api/errors'
import { calendarApi, type CalendarDay } from '@/api/calendar'
import { PERMISSIONS } from '@/constants/permissions'
import { i18n } from '@/locales'
import { useUserStore } from '@/stores/user'
import { sameDays, toggleDay, workingDayCount } from './schema'

/** One year of the working-day calendar; an administrator turns days over and saves the year. */
export function useCalendar() {
  const canManage = useUserStore().can(PERMISSIONS.calendarManage)
  const year = ref(new Date().getFullYear())
  /** The overrides as stored, and as being edited. */
  const stored = ref<CalendarDay[]>([])
  const days = ref<CalendarDay[]>([])
  const loading = ref(false)
  const saving = ref(false)
  const errors = ref<Record<string, string>>({})

  const dirty = computed(() => !sameDays(stored.value, days.value))
  const workingDays = computed(() => workingDayCount(year.value, days.value))

  async function load() {
    loading.value = true
    errors.value = {}
    try {
      const answer = await calendarApi.get(year.value)
      stored.value = answer.days
      days.value = answer.days.map((d) => ({ ...d }))
    } catch {
      stored.value = []
      days.value = []
    } finally {
      loading.value = false
    }
  }

  function toggle(date: string) {
    if (!canManage) return
    const { t } = i18n.global
    days.value = toggleDay(days.value, date, { holiday: t('calendar.defaultHoliday'), makeup: t('calendar.defaultMakeup') })
  }

  function remove(date: string) {
    days.value = days.value.filter((d) => d.date !== date)
  }

  function undo() {
    days.value = stored.value.map((d) => ({ ...d }))
    errors.value = {}
  }

  async function save() {
    saving.value = true
    errors.value = {}
    try {
      const answer = await calendarApi.put(
        year.value,
        days.value.map((d) => ({ ...d, note: d.note.trim() })),
      )
      stored.value = answer.days
      days.value = answer.days.map((d) => ({ ...d }))
      ElMessage.success(i18n.global.t('calendar.saved', { year: answer.year, count: answer.workingDays }))
    } catch (error) {
      errors.value = fieldErrorsOf(error)
    } finally {
      saving.value = false
    }
  }

  /** The server names a refused entry `days[3]` or `days[3].note`: the message of a day, by its date. */
  function errorOf(date: string): string {
    const index = days.value.findIndex((d) => d.date === date)
    return Object.entries(errors.value)
      .filter(([key]) => key === `days[${index}]` || key.startsWith(`days[${index}].`))
      .map(([, message]) => message)
      .join('; ')
  }

  watch(year, () => void load(), { immediate: true })

  return { canManage, year, days, loading, saving, dirty, workingDays, toggle, remove, undo, save, errorOf }
}
