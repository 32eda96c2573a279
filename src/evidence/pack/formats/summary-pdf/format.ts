/**
 * Text for people, from the pack's machine values. Pure and locale-fixed, so the same input always
 * renders the same bytes whatever machine builds the pack.
 */
import { formatPounds, type Pence } from '../../../../shared/money';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Exact money from integer pence: "£21,649.00". */
export const money = (pence: Pence): string => formatPounds(pence);

/** Axis ticks are round amounts, so whole pounds read better: "£50,000". */
export function moneyTick(pence: Pence): string {
  return `£${Math.round(pence / 100).toLocaleString('en-GB')}`;
}

/** "2022-04-01" -> "1 April 2022"; anything else is shown as given. */
export function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || !MONTHS[Number(m[2]) - 1]) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2022-05" (or a date in May 2022) -> ["May", "2022"]: two short lines fit under a narrow bar. */
export function monthLines(month: string): [string, string] {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? [name.slice(0, 3), m[1]] : [month, ''];
}

/** An ISO instant in UTC, to the minute: "21 November 2026 at 22:46 UTC". */
export function instant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${hh}:${mm} UTC`;
}

// The built-in Helvetica and Courier only have glyphs for Windows-1252 (WinAnsi); anything else
// would print as a wrong or missing glyph, so it becomes a visible "?" instead.
const WIN_ANSI = /[^\t\n\x20-\x7E\xA0-\xFF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu;
const COMMON: Record<string, string> = { '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '≠': '!=', '✓': 'yes', '✗': 'no' };

export function pdfText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(WIN_ANSI, (c) => COMMON[c] ?? '?');
}

/** A round axis top and step at or above `max`; counts get whole-number steps. */
export function niceScale(max: number, integer: boolean, target = 5): { top: number; step: number } {
  if (!(max > 0)) return { top: integer ? 1 : 100, step: integer ? 1 : 100 };
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  if (integer) step = Math.max(1, Math.ceil(step));
  return { top: Math.ceil(max / step) * step, step };
}
