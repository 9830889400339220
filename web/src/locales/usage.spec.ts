import { describe, expect, it } from 'vitest'
import { buildMessages, leafKeys } from './messages'

const messages = buildMessages(
  import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }),
)
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.vue', '!../**/*.spec.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
})

/** Literal message keys in the code: t('a.b'), column labels, route titles and rule messages. */
const KEY_PATTERNS = [
  /\bt\('([a-zA-Z]+\.[a-zA-Z_.]+)'/g,
  /\b(?:label|title): '([a-zA-Z]+\.[a-zA-Z_.]+)'/g,
  /\bmatches\([^\n]*?, '([a-zA-Z]+\.[a-zA-Z_.]+)'\)/g,
]

describe('message keys used in the code', () => {
  const known = new Set(leafKeys(messages['zh-CN']))
  const used = new Map<string, string>()
  for (const [file, text] of Object.entries(sources)) {
    for (const pattern of KEY_PATTERNS) {
      for (const match of text.matchAll(pattern)) used.set(match[1], file)
    }
  }

  it('finds the keys of the pages', () => {
    expect(used.has('customer.phoneSearchPlaceholder')).toBe(true)
    expect(used.has('menu.units')).toBe(true)
  })

  it('all exist in zh-CN', () => {
    const missing = [...used].filter(([key]) => !known.has(key)).map(([key, file]) => `${key} (${file})`)
    expect(missing).toEqual([])
  })
})
