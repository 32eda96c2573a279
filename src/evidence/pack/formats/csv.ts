import { isSealed, WITHHELD_TEXT, type SealedValue } from '../../../privacy';

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * The builder writes with these and the offline verifier parses with them, so a cell an attacker
 * edits is found by comparing parsed cells, not bytes.
 */
export type Cell = string | number | boolean | null | undefined | SealedValue;

/**
 * Which CSV dialect a pack's CSVs are in, named by the manifest's `csvFormat` so verify-pack
 * recomputes them the same way: 1 (packs built before it was recorded: no csvFormat) is RFC 4180
 * only; 2 also neutralises formulas; 3 writes cells as 2 does and adds meetings.csv and
 * attendance.csv, so a verifier that knows only 1 and 2 says it cannot check the pack rather than
 * pass tables it never recomputed; 4 adds case-reviews.csv, for the same reason; 5 adds inspections.csv; 6 adds
 * thematic-reviews.csv and multi-agency-audits.csv; 7 adds risks.csv; 8 adds forward-plan.csv;
 * 9 adds attendance-register.csv (the annual report's attendance appendix); 10 adds spending.csv and
 * an ownerId column to funding.csv. Builders write the newest.
 */
export const CSV_FORMATS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];
export const LEGACY_CSV_FORMAT: CsvFormat = 1;
/** The first format that neutralises formulas, with the same columns as the legacy one (later ones add tables and columns). */
export const NEUTRALISING_CSV_FORMAT: CsvFormat = 2;
export const CSV_FORMAT: CsvFormat = 10;

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Except a plain number: negative money must stay a number a spreadsheet can add up. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Format 2: a text cell that a spreadsheet would run as a formula gets a leading apostrophe, as
 * OWASP advises (Excel and LibreOffice show the text, not run it). An inspector opening a pack's
 * CSV must never run what someone typed into a record (`=cmd|' /C calc'!A0`).
 */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * A sealed personal value is never opened in a pack: packs are handed over and kept, and whether a
 * value was since erased is not knowable offline, so every one prints as the same marker, computed
 * alike by the builder and verify-pack. (events.ndjson keeps the ciphertext the hashes cover.)
 */
export function csvField(value: Cell, format: CsvFormat = CSV_FORMAT): string {
  const raw = value === null || value === undefined ? '' : isSealed(value) ? WITHHELD_TEXT : String(value);
  const text = format === LEGACY_CSV_FORMAT || typeof value === 'number' ? raw : neutralised(raw);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][], format: CsvFormat = CSV_FORMAT): string {
  return [header, ...rows].map((row) => `${row.map((cell) => csvField(cell, format)).join(',')}\r\n`).join('');
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
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Money in integer pence, and the same in pounds to two places (as text, so no float drift). */
export function pounds(pence: number | undefined): string {
  if (pence === undefined) return '';
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
