import { newEvent } from '../support/events';
import { send } from '../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

const POLICE = 'warwickshire-police';
const COUNCIL = 'warwickshire-county-council';

/**
 * Ownership by agency follows the person owner's partner when the owners were set: recorded in the
 * event at raise and reassignment, and for events written before that, resolved from the person's
 * partner in force on the event's business date. Jo Bloggs moves from the council to the police on 1 July 2022.
 */
describe('action log: ownership by partner at the time (e2e)', () => {
  let t: ProjectionsTestApp;
  let admin: string;
  /** The registry (partners, people, boards) as an admin, the rest as the business manager; each must succeed. */
  const post = async (url: string, body: object) => {
    const registry = /^\/(partners|people|boards)/.test(url);
    const res = await send(t, url, body, registry ? { token: admin } : {});
    if (res.status >= 300) throw new Error(`POST ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const ownedBy = async (partnerId: string) => {
    await t.runner.waitFor(Math.max(...(await t.store.readAll()).map((e) => e.position)));
    const res = await send(t, `/action-log?partner=${partnerId}`, undefined, { method: 'GET' });
    expect(res.status).toBe(200);
    return (res.body.items as { actionId: string; owningPartnerIds: string[] }[]).map((i) => i.actionId);
  };
  const jo = [{ kind: 'person', personId: 'jo-bloggs' }];
  const raise = (actionId: string, meetingId: string, occurredAt: string) =>
    post('/actions', {
      actionId,
      meetingId,
      itemNumber: 1,
      text: actionId,
      owners: jo,
      dueDate: '2023-01-01',
      occurredAt,
    });
  /** An action-raised event as written before it recorded the owners' partners. */
  const raisedBefore = (actionId: string, meetingId: string, occurredAt: string) =>
    t.store.append(
      `action-${actionId}`,
      [
        newEvent(
          'action-raised',
          { actionId, meetingId, itemNumber: 1, text: actionId, owners: jo, dueDate: '2023-01-01' },
          occurredAt,
        ),
      ],
      'no_stream',
    );

  beforeAll(async () => {
    t = await startProjectionsApp();
    admin = await t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    await post('/partners', { partnerId: POLICE, name: 'Warwickshire Police', kind: 'police' });
    await post('/partners', { partnerId: COUNCIL, name: 'Warwickshire County Council', kind: 'local-authority' });
    await post('/people', { personId: 'jo-bloggs', name: 'Jo Bloggs', partnerId: COUNCIL });
    await post('/boards', {
      boardId: 'wseb',
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
    });
    for (const [meetingId, scheduledFor] of [
      ['wseb-2022-05-10', '2022-05-10T10:00:00Z'],
      ['wseb-2022-09-22', '2022-09-22T10:00:00Z'],
    ]) {
      await post('/meetings', { meetingId, boardId: 'wseb', scheduledFor });
      await post(`/meetings/${meetingId}/agenda-items`, { itemNumber: 1, title: 'Item 1' });
    }
    await raise('raised-in-may', 'wseb-2022-05-10', '2022-05-10T12:00:00Z');
    await post('/people/jo-bloggs/update', { effectiveFrom: '2022-07-01', partnerId: POLICE });
    await raise('raised-in-september', 'wseb-2022-09-22', '2022-09-22T12:00:00Z');
    await raisedBefore('old-event-in-may', 'wseb-2022-05-10', '2022-05-10T12:00:00.000Z');
    await raisedBefore('old-event-in-september', 'wseb-2022-09-22', '2022-09-22T12:00:00.000Z');
  });
  afterAll(() => t.close());

  it("given Jo's move after the May raise, then May's action stays the council's and September's is the police's", async () => {
    const [may] = await t.store.readStream('action-raised-in-may');
    expect(may.data).toMatchObject({ ownerPartners: [{ personId: 'jo-bloggs', partnerId: COUNCIL }] });
    expect(await ownedBy(COUNCIL)).toEqual(expect.arrayContaining(['raised-in-may']));
    expect(await ownedBy(POLICE)).toEqual(expect.arrayContaining(['raised-in-september']));
    expect(await ownedBy(POLICE)).not.toContain('raised-in-may');
  });

  it("given events written before the partner was recorded, then the partner is Jo's on each event's date", async () => {
    expect(await ownedBy(COUNCIL)).toEqual(['old-event-in-may', 'raised-in-may']);
    expect(await ownedBy(POLICE)).toEqual(['old-event-in-september', 'raised-in-september']);
  });

  it('given the May action reassigned after the move, then it follows Jo to the police', async () => {
    await post('/actions/raised-in-may/reassign', {
      owners: [...jo, { kind: 'team', name: 'WS Business Team' }],
      occurredAt: '2022-09-22T12:00:00Z',
    });
    expect(await ownedBy(COUNCIL)).toEqual(['old-event-in-may']);
    expect(await ownedBy(POLICE)).toEqual(['old-event-in-september', 'raised-in-may', 'raised-in-september']);
    const detail = await send(t, '/action-log/raised-in-may', undefined, { method: 'GET' });
    expect(detail.body).toMatchObject({ owningPartnerIds: [POLICE], ownedSince: '2022-09-22T12:00:00.000Z' });
  });
});
