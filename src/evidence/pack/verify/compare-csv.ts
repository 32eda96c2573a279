import { parseCsv } from '../formats/csv';
import type { PackProblem } from './pack-problem';

const MAX_PER_FILE = 50;
const show = (v: string | undefined) => (v === undefined ? '(missing)' : JSON.stringify(v));

/**
 * Compares a CSV as found in the pack with the one recomputed from events.ndjson, cell by cell,
 * and names each differing cell by data row (header = row 0) and column. At most 50 per file.
 */
export function compareCsv(file: string, expectedText: string, actualText: string): PackProblem[] {
  if (expectedText === actualText) return [];
  const expected = parseCsv(expectedText);
  const actual = parseCsv(actualText);
  const header = expected[0] ?? [];
  const problems: PackProblem[] = [];
  for (let r = 0; r < Math.max(expected.length, actual.length) && problems.length < MAX_PER_FILE; r++) {
    const want = expected[r];
    const got = actual[r];
    if (!want || !got) {
      problems.push({
        file,
        row: r,
        message: want
          ? `row ${r} is missing (recomputed: ${want.slice(0, 2).join(', ')})`
          : `row ${r} is not in the recomputed table: ${got.slice(0, 2).join(', ')}`,
      });
      continue;
    }
    for (let c = 0; c < Math.max(want.length, got.length); c++) {
      if (want[c] !== got[c])
        problems.push({
          file,
          row: r,
          column: header[c] ?? `#${c + 1}`,
          message: `cell is ${show(got[c])}, recomputed from events.ndjson it is ${show(want[c])}`,
        });
    }
  }
  if (problems.length === 0)
    problems.push({ file, message: 'differs from the table recomputed from events.ndjson (line ends or quoting)' });
  return problems;
}
