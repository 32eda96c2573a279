import { send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { startLoadedTrailApp, type TrailApp } from './support/escalation-trail-app';

describe('GET /escalation-trail/stream, resumed with Last-Event-ID', () => {
  let s: TrailApp;
  beforeAll(async () => {
    s = await startLoadedTrailApp();
  });
  afterAll(() => s.close());
  const head = async () => (await s.store.readAll()).at(-1)!.position;
  /** Applies the log up to its head, then reads a party's (the ICB's) stream resumed after `p` up to its first escalation. */
  const resumedAfter = async (p: number) => {
    await s.runner.waitFor(await head());
    const res = await openStream(
      s.app,
      '/escalation-trail/stream',
      await s.token({ role: 'partner-representative', userId: 'icb-rep', agency: 'cw-icb' }),
      { 'last-event-id': String(p) },
    );
    const text = await readUntil(res, (x) => x.includes('event: escalation'));
    res.destroy();
    return { text, sent: messages(text).filter((m) => m.data !== undefined) };
  };

  it("given an escalation with a child's name raised after the id, then its document is resumed revealed for a party, exactly as live documents are", async () => {
    const p = await head();
    const raised = await send(
      s,
      '/escalations',
      {
        escalationId: 'wsep-2022-003',
        protocolId: 'ws-escalation-protocol',
        raisedByAgency: 'warwickshire-cc',
        concerningAgency: 'cw-icb',
        subject: 'Missed strategy meeting',
        caseReference: 'LCS-200001',
        dataSubjects: [{ subjectId: 'child-9', relation: 'child', name: 'Robin Example' }],
        occurredAt: '2022-10-03T09:00:00Z',
      },
      { token: await s.token() },
    );
    expect(raised.status).toBe(201);
    const { text, sent } = await resumedAfter(p);
    expect(sent.map((m) => m.event)).toEqual(['escalation']);
    const doc = JSON.parse(sent[0].data!);
    expect(doc).toMatchObject({
      escalationId: 'wsep-2022-003',
      dataSubjects: [expect.objectContaining({ subjectId: 'child-9', name: 'Robin Example' })],
    });
    expect(text).not.toContain('$personal');
  });

  it('given a client that left before the child was erased, when it resumes, then it is sent the escalation again with the name erased', async () => {
    const p = await head();
    const erased = await send(
      s,
      '/data-subjects/child-9/erasure',
      { reason: 'Erasure request DPR-2023-100 upheld' },
      { token: await s.token({ userId: 'dpo-1', role: 'data-protection-officer' }) },
    );
    expect(erased.status).toBe(200);
    const { text, sent } = await resumedAfter(p);
    expect(sent.map((m) => [m.event, m.id])).toEqual([['escalation', String(await head())]]);
    expect(JSON.parse(sent[0].data!)).toMatchObject({
      escalationId: 'wsep-2022-003',
      dataSubjects: [expect.objectContaining({ subjectId: 'child-9', name: '[erased]' })],
    });
    expect(text).not.toContain('Robin Example');
  });
});
