import type { TokenClaims } from '../../../src/auth/mint-token';
import { eventCount, expectProblem, send } from '../../support/http';
import type { ProjectionsTestApp } from './projections-app';

type Response = Awaited<ReturnType<typeof send>>;

/** The owner of the actions scenarios raise for their records. */
const BUSINESS_TEAM = [{ kind: 'team', name: 'WS Business Team' }];

/** An action raised at the agenda item it is given with: its meeting and item number come from there. */
export interface ActionAtItem extends Record<string, unknown> {
  actionId: string;
  text: string;
}

interface RaisedAction extends ActionAtItem {
  meetingId: string;
  itemNumber: number;
}

/**
 * What the as-of e2e suites share: a ledger written through the API on business dates (the ledger's
 * clock moved between writes), the positions of those writes by name, and the checks every as-of
 * endpoint answers alike. `app` is read at call time: the suite starts its app in beforeAll.
 */
export function asOfSuite(app: () => ProjectionsTestApp, businessHour: string) {
  const positions: Record<string, number> = {};
  const get = (url: string, o: { token?: string | null } = {}) => send(app(), url, undefined, { method: 'GET', ...o });

  /** A command recorded on `day` (the ledger's clock at 18:00 UTC), which must succeed; remembers its log position. */
  async function on(
    day: string,
    name: string,
    url: string,
    body: Record<string, unknown>,
    claims: Partial<TokenClaims> = {},
  ) {
    const t = app();
    t.clock.set(`${day}T18:00:00.000Z`);
    const res = await send(
      t,
      url,
      { occurredAt: `${day}T${businessHour}:00:00Z`, ...body },
      { token: await t.token(claims) },
    );
    expect(res.status).toBeLessThan(300);
    positions[name] = res.body.position;
    // Applied before the next write, so batches (and the snapshots they take) fall at the same positions every run.
    await t.runner.waitFor(res.body.position);
  }

  /** The partners (named after their ids) and the executive board a scenario's records belong to, registered by an admin on `day`. */
  async function partnership(day: string, partners: [string, string][], board: { boardId: string; name: string }) {
    const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };
    for (const [partnerId, kind] of partners)
      await on(day, partnerId, '/partners', { partnerId, name: partnerId.toUpperCase(), kind }, admin);
    await on(day, 'board', '/boards', { ...board, kind: 'executive-board' }, admin);
  }

  /**
   * A board meeting scheduled on `day` with one agenda item (positions 'meeting' and 'item'), and the
   * actions raised at that item the same day, by position name: where records' actions are raised.
   */
  async function meetingWithItem(
    day: string,
    meeting: { meetingId: string; boardId: string; scheduledFor: string },
    item: { itemNumber: number; title: string },
    actions: Record<string, ActionAtItem> = {},
  ) {
    await on(day, 'meeting', '/meetings', meeting);
    await on(day, 'item', `/meetings/${meeting.meetingId}/agenda-items`, item);
    for (const [name, action] of Object.entries(actions))
      await actionRaised(day, name, { ...action, meetingId: meeting.meetingId, itemNumber: item.itemNumber });
  }

  /** An action raised at a meeting's agenda item on `day`, owned by the business team unless `owners` says otherwise. */
  async function actionRaised(day: string, name: string, action: RaisedAction) {
    await on(day, name, '/actions', { owners: BUSINESS_TEAM, ...action });
  }

  /** The `asOf` block of an answer by recorded date that came from a snapshot and a short replay. */
  function expectAnsweredFromSnapshot(
    asOf: Record<string, unknown>,
    requested: string,
    name: string,
    recordedAt: string,
  ) {
    expect(asOf).toEqual({
      axes: ['knownAt'],
      basis: 'recorded',
      requested,
      position: positions[name],
      recordedAt,
      snapshot: expect.any(Number),
      replayed: expect.any(Number),
    });
    // Only the window after the snapshot was replayed, not the whole log.
    expect(asOf.snapshot).toBeLessThanOrEqual(positions[name]);
    // At most one interval (3 events; each batch here is one command's event), counted in events, never as a distance between positions.
    expect(asOf.replayed).toBeLessThanOrEqual(3);
  }

  /** A refused query: the problem names the field, and nothing is written. */
  async function expectRefused(url: string, status: number, code: string, field: string) {
    const before = await eventCount(app());
    const res = await get(url);
    expectProblem(res, status, code);
    expect(JSON.stringify(res.body.errors)).toContain(field);
    expect(await eventCount(app())).toBe(before);
  }

  /** A one-record read answered with a problem; a validation failure names `asOf`. */
  async function expectReadProblem(url: string, status: number, code: string) {
    const res: Response = await get(url);
    expectProblem(res, status, code);
    if (code === 'validation-failed') expect(JSON.stringify(res.body.errors)).toContain('asOf');
  }

  /** The OpenAPI document names each GET operation with its permission, and the list's parameters. */
  async function expectDocumented(operations: Record<string, string>, list: string, parameters: string[]) {
    const doc = (await get('/openapi.json', { token: null })).body;
    for (const [path, operationId] of Object.entries(operations))
      expect(doc.paths[path].get).toMatchObject({ operationId, 'x-required-permission': 'ledger:read' });
    expect(doc.paths[list].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(parameters),
    );
  }

  return {
    positions,
    get,
    on,
    partnership,
    meetingWithItem,
    expectAnsweredFromSnapshot,
    expectRefused,
    expectReadProblem,
    expectDocumented,
  };
}
