import { SUMMARY_TABLE_ROWS, summaryTable } from './summary-table';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`action-${i + 1}`, 'open']);

describe("summary.pdf's tables, capped so the PDF stays readable", () => {
  it('given as many rows as a table shows, then every row is there and no pointer to the CSV', () => {
    const table = summaryTable('Overdue actions', ['Action', 'Status'], rows(SUMMARY_TABLE_ROWS));

    expect(table.rows).toEqual(rows(SUMMARY_TABLE_ROWS));
  });

  it('given more rows than that, then the first rows are shown and the last line says how many more the CSV holds', () => {
    const table = summaryTable('Overdue actions', ['Action', 'Status'], rows(SUMMARY_TABLE_ROWS + 3));

    expect(table.rows).toHaveLength(SUMMARY_TABLE_ROWS + 1);
    expect(table.rows.slice(0, SUMMARY_TABLE_ROWS)).toEqual(rows(SUMMARY_TABLE_ROWS));
    expect(table.rows.at(-1)).toEqual(['… and 3 more (see the CSV)']);
    expect(table).toMatchObject({ title: 'Overdue actions', columns: ['Action', 'Status'] });
  });
});
