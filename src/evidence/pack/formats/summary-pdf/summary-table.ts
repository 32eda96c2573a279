/** The rows a table of summary.pdf shows; the pack's CSV holds them all. */
export const SUMMARY_TABLE_ROWS = 40;

/** A table of summary.pdf: its title, its columns and the rows under them. */
export interface SummaryTable {
  title: string;
  columns: string[];
  rows: string[][];
}

/**
 * A table of summary.pdf, declared beside the CSV it summarises so its columns and cells are written
 * together: past SUMMARY_TABLE_ROWS rows, one line points to the CSV instead.
 */
export const summaryTable = (title: string, columns: string[], rows: string[][]): SummaryTable => ({
  title,
  columns,
  rows:
    rows.length > SUMMARY_TABLE_ROWS
      ? [...rows.slice(0, SUMMARY_TABLE_ROWS), [`… and ${rows.length - SUMMARY_TABLE_ROWS} more (see the CSV)`]]
      : rows,
});
