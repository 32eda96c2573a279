import { newEvent } from '../support/events';
import { openStream as openSse, readUntil } from '../support/sse';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

const openStream = (t: ProjectionsTestApp, token: string) => openSse(t.app, '/action-log/stream', token);

describe('GET /action-log/stream (Server-Sent Events)', () => {
  let t: ProjectionsTestApp;
  beforeEach(async () => {
    t = await startProjectionsApp();
    await t.app.listen(0, '127.0.0.1');
  });
  afterEach(() => t.close());

  it('sends each action document as the runner commits it, with the ledger position as the event id', async () => {
    const res = await openStream(t, await t.token({ role: 'auditor', userId: 'audit-1' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const text = readUntil(res, (s) => s.includes('"actionId":"a99"'));
    await t.store.append(
      'meeting-wseb-2022-05-10',
      [
        newEvent('meeting-scheduled', {
          meetingId: 'wseb-2022-05-10',
          boardId: 'wseb',
          scheduledFor: '2022-05-10T09:30:00.000Z',
        }),
      ],
      'no_stream',
    );
    const { position } = await t.store.append(
      'action-a99',
      [
        newEvent('action-raised', {
          actionId: 'a99',
          meetingId: 'wseb-2022-05-10',
          itemNumber: 1,
          text: 'Chase the audit',
          owners: [{ kind: 'team', name: 'All' }],
          dueDate: '2022-06-30',
        }),
      ],
      'no_stream',
    );
    const received = await text;
    res.destroy();
    expect(received).toContain(`event: action\nid: ${position}\ndata: {"kind":"action","actionId":"a99"`);
    // Meeting documents are the projection's bookkeeping, never sent.
    expect(received).not.toContain('"kind":"meeting"');
  });

  it('ends open streams when the app shuts down, so shutdown is not held up', async () => {
    const res = await openStream(t, await t.token());
    const ended = new Promise<void>((resolve) => res.on('close', resolve));
    res.resume();
    await t.app.close();
    await expect(ended).resolves.toBeUndefined();
  });
});
