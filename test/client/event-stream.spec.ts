import { EventStream, EventStreamError, type ReconnectInfo } from '../../clients/typescript/src';

/**
 * The client's stream reader (clients/typescript/src/event-stream.ts) against a scripted fetch: one
 * answer per connection, each request kept, so what a reconnect sends can be read back.
 */
function scripted(...answers: (() => Response)[]) {
  const requests: { authorization: string | null; lastEventId: string | null }[] = [];
  let tokens = 0;
  const transport = {
    baseUrl: 'http://ledger.test/',
    token: async () => `token-${++tokens}`,
    fetch: async (request: Request) => {
      requests.push({
        authorization: request.headers.get('authorization'),
        lastEventId: request.headers.get('last-event-id'),
      });
      const next = answers.shift();
      if (!next) throw new Error('no more answers scripted');
      return next();
    },
  };
  return { transport, requests };
}

const events = (text: string) => () =>
  new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
const problem = (status: number, code: string) => () =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

async function collect(stream: EventStream<'/action-log/stream'>, count: number) {
  const got = [];
  for await (const message of stream) {
    got.push(message);
    if (got.length === count) break;
  }
  return got;
}

describe('EventStream', () => {
  it('given a refusal (401), when iterated, then it ends with an EventStreamError carrying the problem, and does not retry', async () => {
    const { transport, requests } = scripted(problem(401, 'unauthenticated'));
    const stream = new EventStream(transport, '/action-log/stream', { reconnect: () => undefined });
    const refused: unknown = await collect(stream, 1).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(EventStreamError);
    expect(refused).toMatchObject({ status: 401, problem: { code: 'unauthenticated' } });
    expect(requests).toHaveLength(1);
  });

  it('given a 503, then the service ending the stream after auth-expired, when iterated, then it reconnects each time with a fresh token and the last id', async () => {
    const { transport, requests } = scripted(
      problem(503, 'store-unavailable'),
      events(
        'event: action\nid: 40\ndata: {"actionId":"a1"}\n\nevent: auth-expired\nid: 40\ndata: {"code":"auth-expired"}\n\n',
      ),
      events('retry: 5000\nevent: action\nid: 52\ndata: {"actionId":"a2"}\n\n'),
    );
    const waits: ReconnectInfo[] = [];
    const stream = new EventStream(transport, '/action-log/stream', {
      lastEventId: '7',
      reconnect: (info) => void waits.push(info),
    });
    const got = await collect(stream, 3);
    expect(got.map((m) => [m.event, m.id])).toEqual([
      ['action', '40'],
      ['auth-expired', '40'],
      ['action', '52'],
    ]);
    expect(requests).toEqual([
      { authorization: 'Bearer token-1', lastEventId: '7' },
      { authorization: 'Bearer token-2', lastEventId: '7' },
      { authorization: 'Bearer token-3', lastEventId: '40' },
    ]);
    expect(waits.map(({ attempt, lastEventId }) => ({ attempt, lastEventId }))).toEqual([
      { attempt: 1, lastEventId: '7' },
      { attempt: 1, lastEventId: '40' },
    ]);
    expect(stream.lastEventId).toBe('52');
  });

  it('given an event the document does not describe on that stream, then it comes with event null, its name and its data', async () => {
    const { transport } = scripted(events('event: meeting\nid: 3\ndata: {"meetingId":"m1"}\n\n'));
    const [message] = await collect(new EventStream(transport, '/action-log/stream'), 1);
    expect(message).toEqual({ event: null, name: 'meeting', id: '3', data: { meetingId: 'm1' } });
  });

  it('given reconnect false, when the service ends the stream, then the iteration ends', async () => {
    const { transport, requests } = scripted(events('event: action\nid: 1\ndata: {}\n\n'));
    const got = await collect(new EventStream(transport, '/action-log/stream', { reconnect: false }), 5);
    expect({ got: got.length, requests: requests.length }).toEqual({ got: 1, requests: 1 });
  });
});
