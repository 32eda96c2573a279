import { compareCsv } from '../../src/evidence/pack/verify/compare-csv';
import { csvField, parseCsv, pounds, toCsv } from '../../src/evidence/pack/formats/csv';
import { EventLinesChecker } from '../../src/evidence/pack/verify/check-events';
import { sealEvents, NEW_STREAM_TAIL } from '../../src/ledger/integrity/hash-chain';
import type { StoredEvent } from '../../src/ledger/event-envelope';

describe('pack CSVs (RFC 4180)', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubling quotes, with CRLF line ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, true],
          [null, 'x,y'],
        ],
      ),
    ).toBe('a,b\r\n1,true\r\n,"x,y"\r\n');
  });

  it('parses back exactly what it wrote', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'say "no", twice\r\nthen stop'],
      ['2', ''],
    ];
    expect(parseCsv(toCsv(rows[0], rows.slice(1)))).toEqual(rows);
  });

  it('gives money in pounds to two places without floating point', () => {
    expect(pounds(2_164_900)).toBe('21649.00');
    expect(pounds(5)).toBe('0.05');
    expect(pounds(-150)).toBe('-1.50');
    expect(pounds(undefined)).toBe('');
  });

  it('names a differing cell by row and column, and a missing or extra row', () => {
    const expected = toCsv(
      ['id', 'status'],
      [
        ['a1', 'open'],
        ['a2', 'closed'],
      ],
    );
    expect(compareCsv('x.csv', expected, expected)).toEqual([]);
    expect(
      compareCsv(
        'x.csv',
        expected,
        toCsv(
          ['id', 'status'],
          [
            ['a1', 'closed'],
            ['a2', 'closed'],
          ],
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        file: 'x.csv',
        row: 1,
        column: 'status',
        message: expect.stringContaining('"closed"'),
      }),
    ]);
    expect(compareCsv('x.csv', expected, toCsv(['id', 'status'], [['a1', 'open']]))).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/missing/) }),
    ]);
    expect(compareCsv('x.csv', expected, expected.replace(/\r\n/g, '\n'))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/line ends or quoting/) }),
    ]);
  });
});

describe('events.ndjson lines', () => {
  const actor = { userId: 'u', role: 'business-manager', agency: 'a' };
  const stream = (id: string, n: number, firstPosition: number): StoredEvent[] =>
    sealEvents(
      id,
      Array.from({ length: n }, (_, i) => ({
        id: `${id}-${i}`,
        type: 'x',
        schemaVersion: 1,
        data: { i },
        metadata: { actor, correlationId: 'c', causationId: 'c', occurredAt: '2022-01-01T00:00:00Z' },
      })),
      NEW_STREAM_TAIL,
      '2022-01-01T00:00:00Z',
    ).map((e, i) => ({ ...e, position: firstPosition + i }));
  const check = (lines: string[]) => {
    const checker = new EventLinesChecker(() => undefined);
    for (const l of lines) checker.checkLine(l);
    return checker.finish();
  };

  it('accepts whole chains in increasing positions', () => {
    expect(check(stream('s', 3, 1).map((e) => JSON.stringify(e)))).toEqual([]);
  });

  it('names a line that is not an event, a stream not starting at 0, and positions going back', () => {
    const [e0, e1, e2] = stream('s', 3, 1);
    expect(check(['{not json', JSON.stringify({ id: 'x' })])).toEqual([
      expect.objectContaining({ line: 1, message: 'not valid JSON' }),
      expect.objectContaining({ line: 2, message: expect.stringMatching(/not a stored event/) }),
    ]);
    expect(check([JSON.stringify(e1)]).map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/starts at revision 1, not 0/)]),
    );
    expect(
      check([e0, e2, e1].map((e) => JSON.stringify(e))).some(
        (p) => /must strictly increase/.test(p.message) && p.line === 3,
      ),
    ).toBe(true);
  });

  it('names an altered event by id, stream, revision and line', () => {
    const events = stream('s', 2, 1);
    const altered = { ...events[1], data: { i: 99 } };
    expect(check([JSON.stringify(events[0]), JSON.stringify(altered)])).toEqual([
      expect.objectContaining({
        eventId: 's-1',
        streamId: 's',
        revision: 1,
        line: 2,
        message: expect.stringMatching(/hash chain altered/),
      }),
    ]);
  });
});
