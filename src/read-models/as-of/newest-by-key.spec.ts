import { newestByKey } from './newest-by-key';

type Row = [string, string];

/** A source that records whether it was closed early. */
function source(rows: Row[]): { rows: Generator<Row>; closed: () => boolean } {
  let closed = true;
  function* gen(): Generator<Row> {
    closed = false;
    try {
      yield* rows;
      closed = true;
    } finally {
      closed = true;
    }
  }
  return { rows: gen(), closed: () => closed };
}

describe('newestByKey', () => {
  it('given two key-ordered sources, then every key once, in key order, from the newer source where both have it', () => {
    const newer: Row[] = [
      ['b', 'b2'],
      ['d', 'd2'],
    ];
    const older: Row[] = [
      ['a', 'a1'],
      ['b', 'b1'],
      ['c', 'c1'],
      ['e', 'e1'],
    ];
    expect([...newestByKey(newer, older)]).toEqual([
      ['a', 'a1'],
      ['b', 'b2'],
      ['c', 'c1'],
      ['d', 'd2'],
      ['e', 'e1'],
    ]);
  });

  it('given either source empty, then the other one whole', () => {
    const rows: Row[] = [
      ['a', '1'],
      ['b', '2'],
    ];
    expect([...newestByKey(rows, [])]).toEqual(rows);
    expect([...newestByKey([], rows)]).toEqual(rows);
  });

  it('given a reader that stops after one row, then both sources are closed', () => {
    const newer = source([
      ['a', '1'],
      ['c', '3'],
    ]);
    const older = source([
      ['b', '2'],
      ['d', '4'],
    ]);
    for (const _ of newestByKey(newer.rows, older.rows)) break;
    expect([newer.closed(), older.closed()]).toEqual([true, true]);
  });
});
