import { describe, expect, it } from 'vitest'
import { buildMessages, leafKeys, type MessageTree } from './messages'

const messages = buildMessages(
  import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }),
)

describe('locale files', () => {
  const source = leafKeys(messages['zh-CN'])

  it('zh-CN, the source of truth, has every namespace', () => {
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages['en-US']).sort())
    expect(source.length).toBeGreaterThan(100)
  })

  it('en-US translates exactly the keys of zh-CN', () => {
    const english = leafKeys(messages['en-US'])
    expect(english.filter((key) => !source.includes(key))).toEqual([])
    expect(source.filter((key) => !english.includes(key))).toEqual([])
  })

  it('leaves no text empty', () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const empty = leafKeys(messages[locale]).filter((key) => valueAt(messages[locale], key).trim() === '')
      expect(empty, locale).toEqual([])
    }
  })
})

function valueAt(tree: MessageTree, key: string): string {
  const value = key.split('.').reduce<string | MessageTree>((node, part) => (node as MessageTree)[part], tree)
  return typeof value === 'string' ? value : ''
}
