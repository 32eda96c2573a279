import { demoReadSuite } from './support/projections-app';

interface Item {
  actionId: string;
  overdue: boolean;
}
const ids = (page: { items: Item[] }) => page.items.map((i) => i.actionId).sort();

/**
 * Issue 17 item 5, with the demo record loaded: the action log answers "what is overdue" by the
 * meeting an action is due back at, and "what does this agency own" by its people at the time.
 */
describe('action log with the demo data (issue 17)', () => {
  const { get } = demoReadSuite();

  // The demo's open actions are due back at meetings, one by a date (the police update, 22 March 2023): all were past due by June 2023.
  const pastTheirMeetingBy2023 = [
    ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((a) => `worcs-scb-2019-03-13-${a}`),
    ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11'].map((a) => `wseb-2022-05-10-${a}`),
    ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11'].map((a) => `wseb-2022-09-22-${a}`),
    ...['p1', 'p2', 'p3', 'p6'].map((p) => `wseb-before-2022-05-10-${p}`),
  ].sort();

  it('given actions due back at meetings now past, then overdue lists them, live and as of June 2023', async () => {
    expect(ids(await get('/action-log?overdue=true&asOf=2023-06-01&limit=200'))).toEqual(pastTheirMeetingBy2023);
    expect(ids(await get('/as-of/action-log?overdue=true&knownAt=2023-06-01&limit=200'))).toEqual(
      pastTheirMeetingBy2023,
    );
  });

  it('given the day of the target meeting, then not yet overdue; the day after, overdue (a carried action by its new meeting)', async () => {
    const onTheDay = ids(await get('/action-log?overdue=true&overdueOn=2022-06-07&limit=200'));
    expect(onTheDay).not.toContain('wseb-2022-05-10-a1'); // due back at wseb-2022-06-07
    expect(onTheDay).not.toContain('wseb-before-2022-05-10-p2'); // carried forward to wseb-2022-06-07
    expect(onTheDay).toContain('wseb-before-2022-05-10-p1'); // due back at wseb-2022-05-10, still open
    const dayAfter = ids(await get('/action-log?overdue=true&overdueOn=2022-06-08&limit=200'));
    expect(dayAfter).toEqual(expect.arrayContaining(['wseb-2022-05-10-a1', 'wseb-before-2022-05-10-p2']));
    expect(dayAfter).not.toContain('wseb-2022-09-22-a8'); // raised later, due back in November
    // Completed ones are never overdue, and not-overdue is the complement.
    expect(dayAfter).not.toContain('wseb-before-2022-05-10-p4');
    expect(ids(await get('/action-log?overdue=false&overdueOn=2022-06-08&limit=200'))).toContain(
      'wseb-before-2022-05-10-p4',
    );
  });

  it("given Pete Hill a Warwickshire Police officer, then the police's actions are his five", async () => {
    expect(ids(await get('/action-log?partner=warwickshire-police&limit=200'))).toEqual([
      'wseb-2022-05-10-a4',
      'wseb-2022-05-10-a8',
      'wseb-2022-09-22-a2',
      'wseb-2022-09-22-a8',
      'wseb-before-2022-05-10-p2',
    ]);
  });
});
