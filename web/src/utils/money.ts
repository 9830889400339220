/** Money: the server counts integer fen; people read and type yuan. */

/** `¥12.50` for 1250 fen; negative amounts keep their sign (`-¥3.00`). */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const sign = fen < 0 ? '-' : ''
  const abs = Math.round(Math.abs(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`
}

/** Yuan as typed (12.5) to integer fen (1250), rounded to the nearest fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(Math.round(yuan * 1000) / 10)
}

/** Fen to yuan for an input box: 1250 → 12.5. */
export function fenToYuan(fen: number): number {
  return fen / 100
}

/**
 * What a line costs: unit price times quantity (up to 2 decimals), rounded to the fen, as the
 * server prices a charge.
 */
export function lineFen(unitPriceFen: number, quantity: number): number {
  return Math.round((unitPriceFen * Math.round(quantity * 100)) / 100)
}

/** True for a quantity the server takes: above 0, at most 2 decimals. */
export function isQuantity(quantity: number | null | undefined): quantity is number {
  if (quantity === null || quantity === undefined || !Number.isFinite(quantity) || quantity <= 0) return false
  return Math.abs(quantity * 100 - Math.round(quantity * 100)) < 1e-6
}
