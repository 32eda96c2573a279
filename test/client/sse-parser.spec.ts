import fc from 'fast-check';
import { SseParser, type RawEvent } from '../../clients/typescript/src/sse-parser';

/** The client's text/event-stream parser (clients/typescript/src/sse-parser.ts), against the HTML standard's rules. */
const parse = (...chunks: string[]) => {
  const parser = new SseParser();
  const events = chunks.flatMap((c) => parser.push(c));
  return { events, parser };
};

describe('SseParser', () => {
  it('given events as the service writes them, when parsed, then each has its name, id and data, and comments are dropped', () => {
    const { events } = parse(
      'event: action\nid: 12\ndata: {"actionId":"a1"}\n\n: keepalive\n\nevent: auth-expired\nid: 12\ndata: {"code":"auth-expired"}\n\n',
    );
    expect(events).toEqual<RawEvent[]>([
      { event: 'action', id: '12', data: '{"actionId":"a1"}' },
      { event: 'auth-expired', id: '12', data: '{"code":"auth-expired"}' },
    ]);
  });

  it('given data over several lines, CR LF or CR line ends and a leading BOM, then the data lines are joined with LF', () => {
    expect(parse('\uFEFFdata: one\r\ndata:two\r\rdata\ndata: x\n\n').events).toEqual([
      { event: 'message', id: undefined, data: 'one\ntwo' },
      { event: 'message', id: undefined, data: '\nx' },
    ]);
  });

  it('given an id without data, then nothing is dispatched but the id is kept for the next event and for a resume', () => {
    const { events, parser } = parse('id: 7\n\ndata: after\n\nid: 9\n\n');
    expect(events).toEqual([{ event: 'message', id: '7', data: 'after' }]);
    expect(parser.lastEventId).toBe('9');
  });

  it('given a retry field, then the reconnection time is kept; a retry that is not a number is ignored', () => {
    expect(parse('retry: 2500\n\n').parser.retryMs).toBe(2500);
    expect(parse('retry: soon\n\n').parser.retryMs).toBeUndefined();
  });

  it('given an event not yet ended by a blank line, then it is not dispatched', () => {
    expect(parse('event: action\ndata: {}\n').events).toEqual([]);
  });

  it('given the same stream cut into chunks anywhere (inside a CR LF pair too), then the same events come out', () => {
    const stream =
      'event: meeting\r\nid: 3\r\ndata: {"a":1}\r\n\r\n: keepalive\r\rdata: x\ndata: y\n\nid: 10\ndata: {"b":2}\r\n\r\n';
    const whole = parse(stream).events;
    expect(whole).toHaveLength(3);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), stream.length];
        const chunks = at.slice(1).map((end, i) => stream.slice(at[i], end));
        expect(parse(...chunks).events).toEqual(whole);
      }),
    );
  });
});
