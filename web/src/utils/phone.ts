/** The digits of a text, without separators: "010-8473 1234" → "01084731234". */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '')
}

/**
 * A phone number as people write it: digits with spaces, dashes, brackets or a leading +, and
 * 7 to 13 digits in all (a mobile, a fixed line with its area code, a 400 number).
 */
export function isPhoneNumber(text: string): boolean {
  const digits = digitsOf(text).length
  return /^\+?[0-9][0-9\s\-()]*$/.test(text.trim()) && digits >= 7 && digits <= 13
}

/**
 * The phone filter of the customer list takes the full number or its last 4 digits. People type
 * numbers with spaces, dashes or a +86 country prefix; the server wants the digits.
 */
export function normalizePhoneQuery(input: string): string {
  let digits = input.replace(/[\s\-()]/g, '')
  if (/^\+?86\d{11}$/.test(digits)) digits = digits.replace(/^\+?86/, '')
  return digits
}

/** A normalised phone filter is valid when it is the last 4 digits or a whole number (7-13 digits). */
export function isValidPhoneQuery(normalized: string): boolean {
  return /^\d{4}$/.test(normalized) || /^\d{7,13}$/.test(normalized)
}
