import { demoReadSuite } from './support/projections-app';

const CCG = 'coventry-warwickshire-ccg';
const ICB = 'coventry-warwickshire-icb';

/** The demo partnerships loaded through the API, read back from the partners, people and boards read models. */
describe('partners, people and boards with the demo data', () => {
  const { get } = demoReadSuite();

  it('shows the CCG succeeded by the ICB from 1 July 2022, from both sides', async () => {
    expect(await get(`/partners/${CCG}`)).toMatchObject({
      status: 'succeeded',
      succeededBy: { partnerId: ICB, effectiveFrom: '2022-07-01' },
    });
    expect(await get(`/partners/${ICB}`)).toMatchObject({
      status: 'active',
      predecessors: [{ partnerId: CCG, effectiveFrom: '2022-07-01' }],
    });
    const statutory = await get('/partners?statutory=true&status=active&limit=200');
    expect(statutory.items.map((p: { partnerId: string }) => p.partnerId)).toEqual(
      expect.arrayContaining([ICB, 'warwickshire-police', 'warwickshire-county-council']),
    );
  });

  it('shows Jackie Channell with the CCG until the succession and the ICB from then', async () => {
    expect((await get('/people/jackie-channell')).roles).toEqual([
      expect.objectContaining({ partnerId: CCG, from: null, until: '2022-07-01' }),
      expect.objectContaining({ partnerId: ICB, from: '2022-07-01', until: null }),
    ]);
    const onMayBoard = await get(`/people?partner=${CCG}&on=2022-05-10&limit=200`);
    expect(onMayBoard.items.map((p: { personId: string }) => p.personId)).toContain('jackie-channell');
  });

  it('shows the Warwickshire executive board and partnership board', async () => {
    expect(await get('/boards/wseb')).toMatchObject({
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
    });
    const boards = await get('/boards?limit=200');
    expect(boards.items.map((b: { boardId: string }) => b.boardId)).toEqual(expect.arrayContaining(['wseb', 'wsp']));
  });
});
