import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import {
  createLedgerClient,
  etagOf,
  ifMatch,
  ifNoneMatch,
  notModified,
  type LedgerClient,
  type StreamMessage,
} from '../../clients/typescript/src';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { existingStream } from '../support/api-spec';
import { ResponseValidator, type Mismatch, type ServedDocument } from '../support/openapi-responses';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A front end's day with the register, driven only through the generated client
 * (clients/typescript) against the app on a real loopback port: list a board's meetings, open one
 * and keep its ETag, revalidate it (304), change the meeting with If-Match, raise an action at it,
 * follow the action log live, and resume the stream after a disconnect (ours, then the server's).
 * Every JSON answer is also checked against the committed clients/typescript/openapi.json, the
 * document the client's types come from.
 */
const MAY = 'wseb-2022-05-10';
const SEPT = 'wseb-2022-09-22';
const teamOwner = [{ kind: 'team' as const, name: 'WS Business Team' }];
const committedDocument = JSON.parse(
  readFileSync(join(__dirname, '../../clients/typescript/openapi.json'), 'utf8'),
) as ServedDocument;

type ActionEvent = StreamMessage<'/action-log/stream'>;

describe('a front end through the generated client', () => {
  let t: TestApp;
  let client: LedgerClient;
  const mismatches: Mismatch[] = [];
  /** Every read model has applied the write at `position` (the bound only turns a hang into a failure). */
  const applied = (position: number) => t.app.get(ProjectionRunner).waitFor(position, 300_000);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    client = createLedgerClient({ baseUrl: `http://127.0.0.1:${port}`, token: () => t.token() });
    const validator = new ResponseValidator(committedDocument);
    client.use({
      async onResponse({ request, response }) {
        const url = new URL(request.url);
        const answer = {
          method: request.method,
          url: url.pathname + url.search,
          status: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          body: await response.clone().text(),
        };
        mismatches.push(...validator.check(answer));
      },
    });
    const board = existingStream('board-wseb', [
      {
        type: 'board-registered',
        data: { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
      },
    ]);
    const may = existingStream(`meeting-${MAY}`, [
      { type: 'meeting-scheduled', data: { meetingId: MAY, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00Z' } },
      { type: 'agenda-item-added', data: { meetingId: MAY, itemNumber: 3, title: 'Business plan 2022-23' } },
    ]);
    const sept = existingStream(`meeting-${SEPT}`, [
      { type: 'meeting-scheduled', data: { meetingId: SEPT, boardId: 'wseb', scheduledFor: '2022-09-22T09:30:00Z' } },
    ]);
    let last = 0;
    for (const s of [board, may, sept]) last = (await t.store.append(s.streamName, s.events, 'no_stream')).position;
    await applied(last);
  });
  afterAll(() => t.close());
  afterEach(() => expect(mismatches.splice(0)).toEqual([]));

  /** A write through the client that must succeed: its CommandResult and ETag. */
  async function recorded<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>) {
    const answer = await call;
    expect({ ok: answer.response.ok, error: answer.error }).toEqual({ ok: true, error: undefined });
    return { ...(answer.data as { position: number; revision: number }), etag: etagOf(answer) };
  }

  const raiseAction = (actionId: string, itemNumber: number) =>
    recorded(
      client.POST('/actions', {
        body: {
          actionId,
          meetingId: MAY,
          itemNumber,
          text: `Action ${actionId}`,
          owners: teamOwner,
          dueDate: '2022-12-31',
        },
      }),
    );

  const noteProgress = async (actionId: string) => {
    const read = await client.GET('/action-log/{actionId}', { params: { path: { actionId } } });
    return recorded(
      client.POST('/actions/{actionId}/progress', {
        params: { path: { actionId }, header: ifMatch(etagOf(read)!) },
        body: { note: 'Draft circulated' },
      }),
    );
  };

  /** Reads the stream in the background until `enough` says stop; `opened` resolves once the service answered. */
  function follow(enough: (received: ActionEvent[]) => boolean, lastEventId?: string) {
    const open = signal();
    const stream = client.stream('/action-log/stream', { lastEventId, onOpen: open.fire });
    const received = (async () => {
      const events: ActionEvent[] = [];
      for await (const message of stream) {
        events.push(message);
        if (enough(events)) break;
      }
      return events;
    })();
    return { stream, opened: open.fired, received };
  }

  it('given two meetings of a board, when it lists them and opens one, then it reads the meeting with its ETag, and that ETag as If-None-Match answers 304', async () => {
    const list = await client.GET('/meetings', { params: { query: { board: 'wseb' } } });
    expect(list.data?.items.map((m) => m.meetingId)).toEqual([MAY, SEPT]);

    const opened = await client.GET('/meetings/{meetingId}', { params: { path: { meetingId: MAY } } });
    expect(opened.data).toMatchObject({ meetingId: MAY, revision: 1, agenda: [{ itemNumber: 3 }], actions: [] });
    expect(etagOf(opened)).toMatch(/^"1\.[0-9a-f]+"$/);

    const again = await client.GET('/meetings/{meetingId}', {
      params: { path: { meetingId: MAY }, header: ifNoneMatch(etagOf(opened)!) },
    });
    expect({ notModified: notModified(again), data: again.data }).toEqual({ notModified: true, data: undefined });
  });

  it('given the ETag it read, when it adds an agenda item with If-Match and raises an action from that item, then both are recorded, the meeting lists the action, and the old ETag is refused with 412', async () => {
    const read = await client.GET('/meetings/{meetingId}', { params: { path: { meetingId: MAY } } });
    const item = await recorded(
      client.POST('/meetings/{meetingId}/agenda-items', {
        params: { path: { meetingId: MAY }, header: ifMatch(etagOf(read)!) },
        body: { itemNumber: 4, title: 'Child Safeguarding Practice Review' },
      }),
    );
    expect(item.etag).toBe('"2"');
    const action = await raiseAction('wseb-2022-05-10-a1', 4);
    expect(action.etag).toBe('"0"');

    const stale = await client.POST('/meetings/{meetingId}/agenda-items', {
      params: { path: { meetingId: MAY }, header: ifMatch(etagOf(read)!) },
      body: { itemNumber: 5, title: 'Any other business' },
    });
    expect({ status: stale.response.status, code: stale.error?.code }).toEqual({
      status: 412,
      code: 'wrong-expected-revision',
    });

    await applied(action.position);
    const reread = await client.GET('/meetings/{meetingId}', {
      params: { path: { meetingId: MAY }, header: ifNoneMatch(etagOf(read)!) },
    });
    expect(reread.data).toMatchObject({ revision: 2, actions: [{ actionId: 'wseb-2022-05-10-a1' }] });
    expect(etagOf(reread)).toMatch(/^"2\./);
  });

  it('given it follows the action log, when an action is raised, then its document arrives as a typed "action" event whose id is the write\'s position', async () => {
    const live = follow((events) => events.length === 1);
    await live.opened;
    const raised = await raiseAction('wseb-2022-05-10-a2', 3);
    const [event] = await live.received;
    expect(event.event).toBe('action');
    if (event.event !== 'action') return;
    expect({ id: event.id, actionId: event.data.actionId, status: event.data.status }).toEqual({
      id: String(raised.position),
      actionId: 'wseb-2022-05-10-a2',
      status: 'open',
    });
  });

  it('given it dropped the stream after an event, when actions change meanwhile, then resuming with Last-Event-ID delivers exactly what it missed, then live changes', async () => {
    const first = follow((events) => events.length === 1);
    await first.opened;
    await raiseAction('wseb-2022-05-10-a3', 3);
    await first.received; // the loop broke out: the client closed the connection
    const resumeFrom = first.stream.lastEventId;

    const progress = await noteProgress('wseb-2022-05-10-a3');
    const a4 = await raiseAction('wseb-2022-05-10-a4', 3);
    await applied(a4.position);

    const resumed = follow(
      (events) => events.some((e) => e.event === 'action' && e.data.actionId.endsWith('a5')),
      resumeFrom,
    );
    await resumed.opened;
    const a5 = await raiseAction('wseb-2022-05-10-a5', 3);
    const events = await resumed.received;
    expect(events.map((e) => (e.event === 'action' ? [e.id, e.data.actionId, e.data.historyLength] : e))).toEqual([
      [String(progress.position), 'wseb-2022-05-10-a3', 2],
      [String(a4.position), 'wseb-2022-05-10-a4', 1],
      [String(a5.position), 'wseb-2022-05-10-a5', 1],
    ]);
  });

  it('given the server drops the connection, when actions are written before it reconnects, then the stream reconnects by itself with Last-Event-ID and delivers each once', async () => {
    const writtenMeanwhile = signal();
    const opens = [signal(), signal()];
    const firstEvent = signal();
    const reconnects: (string | undefined)[] = [];
    const stream = client.stream('/action-log/stream', {
      onOpen: () => opens[reconnects.length].fire(),
      // Reconnect only once the test has written: the resume, not the live feed, must carry a7.
      reconnect: async ({ lastEventId }) => {
        reconnects.push(lastEventId);
        await writtenMeanwhile.fired;
      },
    });
    // The stream's own connection, as the server holds it: only that one is cut, so the client's other
    // keep-alive connections (the writes below use them) are not dropped under a request.
    const streamSockets: Socket[] = [];
    const server = t.app.getHttpServer();
    const noteStream = (req: IncomingMessage) => {
      if (req.url?.startsWith('/action-log/stream')) streamSockets.push(req.socket);
    };
    server.on('request', noteStream);
    const received: ActionEvent[] = [];
    const done = (async () => {
      for await (const message of stream) {
        received.push(message);
        firstEvent.fire();
        if (message.event === 'action' && message.data.actionId.endsWith('a8')) break;
      }
    })();
    await opens[0].fired;
    const a6 = await raiseAction('wseb-2022-05-10-a6', 3);
    await firstEvent.fired;
    expect(streamSockets).toHaveLength(1);
    streamSockets[0].destroy();
    const a7 = await raiseAction('wseb-2022-05-10-a7', 3);
    await applied(a7.position);
    writtenMeanwhile.fire();
    await opens[1].fired;
    const a8 = await raiseAction('wseb-2022-05-10-a8', 3);
    await done;
    server.off('request', noteStream);
    expect(reconnects).toEqual([String(a6.position)]);
    expect(received.map((e) => e.id)).toEqual([a6, a7, a8].map((w) => String(w.position)));
  });
});

/** A one-shot signal: fire() resolves `fired`. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}
