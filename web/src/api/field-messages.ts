import type { Translate } from './errors'

/**
 * The per-field messages the server writes (json::Input, core and the modules' own checks), in
 * English for API clients and tests. Each pattern names a text of `fieldError.messages` and the
 * parts of the message that text takes; a part named `other` is a field name, shown by its label.
 * Every text may also show `{raw}`, the server's own words (en-US does: it shows them unchanged).
 */
const FIELD_MESSAGES: [RegExp, string, string[]?][] = [
  [/^is required$/, 'required'],
  [/^must not be null$/, 'required'],
  [/^must not be empty$/, 'notEmpty'],
  [/^must be at least (\d+) characters$/, 'minChars', ['min']],
  [/^must be at most (\d+) characters$/, 'maxChars', ['max']],
  [/^must not contain control characters$/, 'controlChars'],
  [/^must be a string$/, 'string'],
  [/^must be an integer$/, 'integer'],
  [/^must be an integer from (-?\d+) to (-?\d+)$/, 'between', ['min', 'max']],
  [/^is too large$/, 'tooLarge'],
  [/^must be between (-?[\d.]+) and (-?[\d.]+)$/, 'between', ['min', 'max']],
  [/^must be a number$/, 'number'],
  [/^must be an object$/, 'object'],
  [/^must be true or false$/, 'boolean'],
  [/^must have at most two decimal places$/, 'decimals'],
  [/^must be one of:? (.+)$/, 'oneOf', ['values']],
  [/^must be a list of at most (\d+) (?:ids|items)$/, 'maxItems', ['max']],
  [/^must contain only positive integer ids$/, 'ids'],
  [/^is not a known field$/, 'unknownField'],
  [/^is not a known value$/, 'unknownValue'],
  [/^must be a date(?: written)? YYYY-MM-DD$/, 'date'],
  [/^is required: a date YYYY-MM-DD$/, 'requiredDate'],
  [/^must be a month YYYY-MM$/, 'month'],
  [/^is required: a month YYYY-MM$/, 'requiredMonth'],
  [/^must be a quarter YYYY-Qn$/, 'quarter'],
  [/^must be a year (?:between )?(\d+)(?: and |-)(\d+)$/, 'year', ['min', 'max']],
  [/^must be (?:an ISO 8601 time with an offset|a date-time with offset|a time like)\b.*$/, 'dateTime'],
  [/^must be a phone number of (\d+) to (\d+) digits$/, 'phone', ['min', 'max']],
  [/^must be a phone number of at least (\d+) digits$/, 'phoneMin', ['min']],
  [/^must be a whole phone number or its last 4 digits$/, 'phoneSearch'],
  [/^must be a resident ID number of 15 or 18 characters$/, 'idNumber'],
  [/^must be 2 to 8 capital letters A-Z$/, 'capitals'],
  [/^(?:is taken|is already used|was used by another user)$/, 'taken'],
  [/^is taken in this project$/, 'takenInProject'],
  [/^is wrong$/, 'wrong'],
  [/^does not exist(?: in this project)?$/, 'notFound'],
  [/^(?:is not a project you can see|names a project you cannot see|names a project that does not exist)$/, 'project'],
  [/^is not active staff of .+$/, 'staff'],
  [/^(?:cannot be changed|cannot change)$/, 'readonly'],
  [/^(?:must not be|is) in the future$/, 'future'],
  [/^must be within the last (\d+) days$/, 'withinDays', ['days']],
  [/^must be today or yesterday$/, 'todayOrYesterday'],
  [/^must not be before (from|startDay|validFrom)$/, 'notBefore', ['other']],
  [/^must be after (workStart)$/, 'after', ['other']],
  [/^must not be before the (?:inspection day|day of the check)$/, 'notBeforeCheck'],
  [/^is listed twice\b.*$/, 'twice'],
  [/^is not (?:a work-order category|a category of the dictionary)$/, 'category'],
  [/^must have at least one item$/, 'atLeastOne'],
  [/^must name at least one .+$/, 'atLeastOne'],
  [/^the weights must add up to 100$/, 'weights'],
]

/** The label of a field (`items[2].name` by `name`), or undefined when the console has none. */
function labelOf(field: string, translate: Translate): string | undefined {
  const last = field.replace(/\[\d+\]/g, '').split('.').pop() ?? field
  return translate(`fieldError.labels.${last}`)
}

/**
 * The server's message for a field in the console's language: the text of a known message, or
 * the raw message after the field's label (`截止日期：must not be …`), or the raw message alone.
 */
export function localiseFieldMessage(field: string, message: string, translate: Translate): string {
  for (const [pattern, key, names = []] of FIELD_MESSAGES) {
    const match = pattern.exec(message)
    if (!match) continue
    const params: Record<string, string> = { raw: message }
    names.forEach((name, i) => {
      const part = match[i + 1]
      params[name] = name === 'other' ? (labelOf(part, translate) ?? part) : part
    })
    const text = translate(`fieldError.messages.${key}`, params)
    if (text) return text
  }
  const label = labelOf(field, translate)
  return label ? (translate('fieldError.withLabel', { label, message }) ?? message) : message
}

/** Every field message of an error body, localised. */
export function localiseDetails(details: Record<string, string>, translate: Translate): Record<string, string> {
  return Object.fromEntries(
    Object.entries(details).map(([field, message]) => [field, localiseFieldMessage(field, message, translate)]),
  )
}
