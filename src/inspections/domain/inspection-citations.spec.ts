import { ServedRecords } from '../../ledger/served-records';
import type { ServedRecord } from '../../shared/serves';
import { Inspection } from './inspection';
import { INSPECTION_CITATIONS } from './inspection-citations';
import type { InspectionState } from './inspection.messages';

const inspected: InspectionState = {
  exists: true,
  partnerIds: ['warwickshire-police'],
  recommendations: { r1: { ownerPartnerId: 'warwickshire-police', actionIds: [], closed: false } },
};
/** A runner that loads the inspection above (any other stream is empty). */
const runner = {
  load: (_aggregate: unknown, id: string) =>
    Promise.resolve({ state: id === 'hmicfrs-2017' ? inspected : Inspection.decider.initialState, revision: -1 }),
} as unknown as ConstructorParameters<typeof ServedRecords>[0];
const check = new ServedRecords(runner, [INSPECTION_CITATIONS]);

describe('citing an inspection recommendation (the SERVED_RECORDS port over INSPECTION_CITATIONS)', () => {
  it('given an inspection with recommendation r1, then r1 named with its inspection is found', async () => {
    expect(await check.missing([{ kind: 'inspection-recommendation', id: 'r1', parentId: 'hmicfrs-2017' }])).toEqual(
      [],
    );
  });

  it('reports an unknown recommendation, one of an inspection not recorded, and one named without its inspection', async () => {
    const missing: ServedRecord[] = [
      { kind: 'inspection-recommendation', id: 'r2', parentId: 'hmicfrs-2017' },
      { kind: 'inspection-recommendation', id: 'r1', parentId: 'cqc-2016' },
      { kind: 'inspection-recommendation', id: 'r1' },
    ];
    expect(await check.missing(missing)).toEqual(missing);
  });
});
