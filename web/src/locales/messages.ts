export type MessageTree = { [key: string]: string | MessageTree }

/**
 * Groups locale files by locale and namespace: `./zh-CN/customer.json` becomes
 * `messages['zh-CN'].customer`, so its keys read `customer.<key>`.
 */
export function buildMessages(files: Record<string, Record<string, unknown>>) {
  const messages: Record<string, MessageTree> = {}
  for (const [path, content] of Object.entries(files)) {
    const match = /\.\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, locale, namespace] = match
    messages[locale] ??= {}
    messages[locale][namespace] = content as MessageTree
  }
  return messages
}

/** Every leaf key of a message tree, dotted: `customer.form.phone`. */
export function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  )
}
