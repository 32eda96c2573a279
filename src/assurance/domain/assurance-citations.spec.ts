import { ServedRecords } from '../../ledger/served-records';
import type { ServedRecord } from '../../shared/serves';
import { AUDIT_CITATIONS, THEMATIC_REVIEW_CITATIONS } from './assurance-citations';
import type { MultiAgencyAuditState } from './multi-agency-audit.messages';
import type { ThematicReviewState } from './thematic-review.messages';

const audit: MultiAgencyAuditState = { exists: true, closed: false, asked: [], returned: [], findings: { f1: [] } };
const review: ThematicReviewState = { exists: true, completed: false, findings: {}, planActions: {}, planStatus: {} };
const states: Record<string, unknown> = { 'mash-2022': audit, 'thematic-2022': review };
/** A runner that loads the audit and the review above (any other stream is empty). */
const runner = {
  load: (aggregate: { decider: { initialState: unknown } }, id: string) =>
    Promise.resolve({ state: states[id] ?? aggregate.decider.initialState, revision: -1 }),
} as unknown as ConstructorParameters<typeof ServedRecords>[0];
const check = new ServedRecords(runner, [AUDIT_CITATIONS, THEMATIC_REVIEW_CITATIONS]);

describe('citing an audit, its finding or a thematic review (the SERVED_RECORDS port)', () => {
  it('given an audit with finding f1 and a thematic review, then each is found', async () => {
    const found: ServedRecord[] = [
      { kind: 'audit', id: 'mash-2022' },
      { kind: 'audit-finding', id: 'f1', parentId: 'mash-2022' },
      { kind: 'thematic-review', id: 'thematic-2022' },
    ];
    expect(await check.missing(found)).toEqual([]);
  });

  it('reports an unknown audit, an unknown finding, a finding without its audit and an unknown review', async () => {
    const missing: ServedRecord[] = [
      { kind: 'audit', id: 'mash-2019' },
      { kind: 'audit-finding', id: 'f2', parentId: 'mash-2022' },
      { kind: 'audit-finding', id: 'f1' },
      { kind: 'thematic-review', id: 'thematic-2019' },
    ];
    expect(await check.missing(missing)).toEqual(missing);
  });
});
