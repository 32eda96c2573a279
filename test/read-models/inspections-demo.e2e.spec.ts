import { demoInspections } from '../../demo/data/inspections';
import { demoReadSuite } from './support/projections-app';

type Rec = { recommendationId: string; nextUpdateDue?: string; actionIds: string[]; updates: unknown[] };
type Listed = { inspectionId: string; body: string; monitoredBy?: string; recommendations: Rec[] };

/**
 * The inspections register over the demo data loaded through the API (demo/data/inspections.ts):
 * the police inspection of 2022 with its "eight key recommendations", an update due within six
 * months of the meeting of 22 September 2022, and the CQC inspection whose action plan the 2016-17
 * annual report says is "being monitored".
 */
describe('inspections register over the demo data', () => {
  const { get } = demoReadSuite();

  it('given the demo loaded, then GET /inspections lists both inspections as the sources record them', async () => {
    const { items } = (await get('/inspections?measuredOn=2022-10-01')) as { items: Listed[] };
    expect(items.map((i) => i.inspectionId).sort()).toEqual(demoInspections.map((i) => i.id).sort());
    const police = items.find((i) => i.inspectionId === 'hmicfrs-warwickshire-police-2022')!;
    expect(police.body).toBe('hmicfrs');
    expect(police.recommendations).toHaveLength(8);
    for (const r of police.recommendations)
      expect(r).toMatchObject({ nextUpdateDue: '2023-03-22', actionIds: ['wseb-2022-09-22-a8'] });
    expect(police.recommendations.filter((r) => r.updates.length > 0).map((r) => r.recommendationId)).toEqual([
      'r1',
      'r2',
      'r5',
      'r6',
    ]);
    const cqc = items.find((i) => i.inspectionId === 'cqc-slac-warwickshire-2016-17')!;
    expect(cqc).toMatchObject({ body: 'cqc', recommendations: [] });
    expect(cqc.monitoredBy).toContain('Performance, Monitoring and Evaluation subcommittee');
  });

  it('given the update was due by 22 March 2023 and none is recorded, then the register shows all eight overdue the day after', async () => {
    const { items } = (await get('/inspections?measuredOn=2023-03-23&overdue=true')) as { items: Listed[] };
    expect(items.map((i) => [i.inspectionId, i.recommendations.length])).toEqual([
      ['hmicfrs-warwickshire-police-2022', 8],
    ]);
  });

  it('labels every fact the sources do not give as illustrative in its own text', async () => {
    const police = (await get('/inspections/hmicfrs-warwickshire-police-2022')) as Listed & { reportReference: string };
    expect(police.reportReference).toMatch(/illustrative days/);
    const eighth = police.recommendations.find((r) => r.recommendationId === 'r8') as Rec & { text: string };
    expect(eighth.text).toMatch(/^Illustrative:/);
    const cqc = (await get('/inspections/cqc-slac-warwickshire-2016-17')) as { reportReference: string };
    expect(cqc.reportReference).toMatch(/Illustrative: the fieldwork and publication dates/);
  });
});
