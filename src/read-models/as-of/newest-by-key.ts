type Row = [key: string, json: string];

/**
 * Two key-ordered streams of rows merged in key order; a key in both is taken from `newer` alone.
 * Lazy, and both sources are closed when the merge is (a reader stopping at a full page must not
 * leave a SQLite statement open: it would hold the connection busy).
 */
export function* newestByKey(newer: Iterable<Row>, older: Iterable<Row>): Generator<Row> {
  const a = newer[Symbol.iterator]();
  const b = older[Symbol.iterator]();
  try {
    let x = a.next();
    let y = b.next();
    for (;;) {
      const left: Row | undefined = x.done ? undefined : x.value;
      const right: Row | undefined = y.done ? undefined : y.value;
      if (left === undefined && right === undefined) return;
      if (right === undefined || (left !== undefined && left[0] <= right[0])) {
        if (right !== undefined && left![0] === right[0]) y = b.next();
        yield left!;
        x = a.next();
      } else {
        yield right;
        y = b.next();
      }
    }
  } finally {
    a.return?.();
    b.return?.();
  }
}
