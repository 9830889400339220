import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { listCategories, type Category } from '@/api/work-orders'
import { useOptions } from './use-options'

/** The work-order categories, and their names by code in the console's language. */
export function useCategories() {
  const { locale } = useI18n()
  const { options: categories } = useOptions<Category>(listCategories)
  const byCode = computed(() => new Map(categories.value.map((c) => [c.code, c])))

  function categoryName(code: string): string {
    const category = byCode.value.get(code)
    if (!category) return code
    return locale.value === 'en-US' && category.nameEn ? category.nameEn : category.name
  }

  return { categories, categoryName }
}
