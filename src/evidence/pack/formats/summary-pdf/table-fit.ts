/** Sizing for table.ts: how wide each column is, and how much of an over-long cell fits. */
import { FONT, type Doc } from './layout';

const MAX_NATURAL = 320;
const MIN_WIDTH = 36;

/**
 * Each column asks for its widest cell (capped). If everything fits, the slack is spread in
 * proportion. If not, columns asking for no more than an equal share keep what they ask
 * (ids, dates, amounts stay on one line) and the rest share what is left in proportion to what they
 * asked, so long text gets the most room. Leaves the regular font selected.
 */
export function columnWidths(
  doc: Doc,
  columns: string[],
  rows: string[][],
  available: number,
  pad: number,
  size: number,
): number[] {
  const headers = columns.map((c) => doc.font(FONT.bold).fontSize(size).widthOfString(c));
  doc.font(FONT.regular).fontSize(size);
  // Only the first 200 characters are measured: anything longer wraps at the cap anyway.
  const natural = columns.map((_, i) => {
    const widest = Math.max(headers[i], ...rows.map((r) => doc.widthOfString(r[i].slice(0, 200))));
    return Math.max(MIN_WIDTH, Math.min(MAX_NATURAL, widest + 2 * pad + 1));
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= available) return natural.map((w) => (w * available) / sum(natural));
  const keeps = natural.map((w) => w <= available / columns.length);
  const kept = sum(natural.filter((_, i) => keeps[i]));
  const ratio = (available - kept) / sum(natural.filter((_, i) => !keeps[i]));
  return natural.map((w, i) => (keeps[i] ? w : w * ratio));
}

/**
 * A cell taller than a page cannot be drawn whole without splitting the row, so it is cut at the
 * longest prefix that fits and marked, pointing the reader to the CSV that holds the full text.
 */
export function fitCell(doc: Doc, text: string, width: number, maxHeight: number): string {
  if (doc.heightOfString(text || ' ', { width }) <= maxHeight) return text;
  const mark = ' ... [cut; full text in the CSV]';
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(text.slice(0, mid) + mark, { width }) <= maxHeight) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + mark;
}
