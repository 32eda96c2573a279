import { loadDemo } from '../../demo/load/load-demo';
import { send } from '../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * Issue 5's acceptance, read from the read models the way the business team and auditors will:
 * the demo governance record loaded through the API, then the projections' query endpoints.
 */
describe('read models with the demo data loaded (issue 5 acceptance)', () => {
  let t: ProjectionsTestApp;
  let auditor: string;
  const get = async (url: string) => {
    const res = await send(t, url, undefined, { method: 'GET', token: auditor });
    expect({ url, status: res.status }).toEqual({ url, status: 200 });
    return res.body;
  };

  beforeAll(async () => {
    t = await startProjectionsApp();
    await loadDemo(t.app);
    await t.runner.waitFor(Math.max(...(await t.store.readAll()).map((e) => e.position)));
    auditor = await t.token({ userId: 'auditor-1', role: 'auditor', agency: 'internal-audit' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the 2022/23 budget: £321,000, a £21,649 shortfall, three partners underwriting up to £7,000 each, £649 uncovered', async () => {
    const year = await get('/budgets/2022-23/contributions');
    expect(year.totalPence).toBe(32_100_000);
    expect(year.shortfall.shortfallPence).toBe(2_164_900);
    expect(year.underwriting).toMatchObject({ coveredPence: 2_100_000, uncoveredPence: 64_900, partnerCount: 3 });
    const shares = year.underwritings.at(-1).shares;
    expect(shares.map((s: { capPence: number; sharePence: number }) => [s.capPence, s.sharePence])).toEqual([
      [700_000, 700_000],
      [700_000, 700_000],
      [700_000, 700_000],
    ]);
  });

  it('shows the May 2022 actions with their owners', async () => {
    const { items } = await get('/action-log?board=wseb&limit=200');
    const may = items.filter((a: { originMeetingId: string }) => a.originMeetingId === 'wseb-2022-05-10');
    expect(may.length).toBeGreaterThanOrEqual(10);
    const byId = Object.fromEntries(may.map((a: { actionId: string }) => [a.actionId, a]));
    expect(byId['wseb-2022-05-10-a1'].owners).toEqual([{ kind: 'team', name: 'WS Business Team' }]);
    expect(byId['wseb-2022-05-10-a2'].owners).toEqual([{ kind: 'person', personId: 'elaine-coleridge-smith' }]);
    expect(byId['wseb-2022-05-10-a4'].owners).toEqual([
      { kind: 'person', personId: 'pete-hill' },
      { kind: 'person', personId: 'amrita-sharma' },
    ]);
  });

  it('shows which actions reported at that meeting were carried forward', async () => {
    const { items } = await get('/action-log?board=wseb&limit=200');
    const carried = items.filter((a: { timesCarriedForward: number }) => a.timesCarriedForward > 0);
    expect(carried.map((a: { actionId: string }) => a.actionId)).toContain('wseb-before-2022-05-10-p2');
    const detail = await get('/action-log/wseb-before-2022-05-10-p2');
    expect(detail.owners).toEqual([{ kind: 'person', personId: 'pete-hill' }]);
    expect(detail.history.map((h: { type: string }) => h.type)).toEqual(['action-raised', 'action-carried-forward']);
  });
});
