/** Money is integer pence everywhere; pounds appear only in text for people. */
export type Pence = number;

export function assertPence(value: number, field = 'amount'): Pence {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${field} must be a whole number of pence`);
  return value;
}

/**
 * Splits `total` pence into parts by weight so the parts sum to exactly `total`:
 * each part is floored, then the leftover pennies go one each to the largest remainders
 * (ties to the earlier part, so the result is deterministic).
 */
export function splitPence(total: Pence, weights: number[]): Pence[] {
  assertPence(total, 'total');
  if (weights.length === 0) throw new RangeError('at least one part is needed');
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be non-negative');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('weights must not all be zero');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts;
}

export function formatPounds(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}£${Math.floor(abs / 100).toLocaleString('en-GB')}.${String(abs % 100).padStart(2, '0')}`;
}
