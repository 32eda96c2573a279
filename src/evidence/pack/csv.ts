import { isSealed, WITHHELD_TEXT, type SealedValue } from '../../privacy/sealed-value';

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * The builder writes with these and the offline verifier parses with them, so a cell an attacker
 * edits is found by comparing parsed cells, not bytes.
 */
export type Cell = string | number | boolean | null | undefined | SealedValue;

/**
 * A sealed personal value is never opened in a pack: packs are handed over and kept, and whether a
 * value was since erased is not knowable offline, so every one prints as the same marker, computed
 * alike by the builder and verify-pack. (events.ndjson keeps the ciphertext the hashes cover.)
 */
export function csvField(value: Cell): string {
  const text = value === null || value === undefined ? '' : isSealed(value) ? WITHHELD_TEXT : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** Parses RFC 4180 text into rows of cells; a trailing line end does not make an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Money in integer pence, and the same in pounds to two places (as text, so no float drift). */
export function pounds(pence: number | undefined): string {
  if (pence === undefined) return '';
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
