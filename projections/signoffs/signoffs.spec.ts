import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { SignoffEvent } from '../../src/signoffs';
import type { SignoffDoc } from './signoff-doc';
import { signoffsProjection as p } from './signoffs.projection';
import { matchesSignoff } from './signoffs.queries';

const manager = { userId: 'bm-1', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const stored = storedEventFactory({ step: 3, actor: manager });
const signoff = (e: SignoffEvent) => stored(`signoff-${e.data.signoffId}`, e.type, e.data);

function project(events: StoredEvent[]): Map<string, SignoffDoc> {
  const docs = new Map<string, SignoffDoc>();
  for (const e of events.filter((x) => p.canHandle(x)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  return docs;
}

const h1 = 'a'.repeat(64);
const h2 = 'b'.repeat(64);
const requested = signoff({
  type: 'signoff-requested',
  data: {
    signoffId: 'cspr-2024',
    artefact: { artefactId: 'cspr', kind: 'report', title: 'CSPR report', version: '1', contentHash: h1 },
    requiredPartnerIds: ['police', 'health'],
    decisionId: 'dec-7',
  },
});
const signed = (partnerId: string, version: string, contentHash: string) =>
  signoff({ type: 'signoff-signed', data: { signoffId: 'cspr-2024', partnerId, version, contentHash } });
const completed = signoff({
  type: 'signoff-completed',
  data: {
    signoffId: 'cspr-2024',
    version: '1',
    contentHash: h1,
    partnerIds: ['police', 'health'],
    subjectToConditions: false,
  },
});
const revised = signoff({
  type: 'signoff-artefact-revised',
  data: {
    signoffId: 'cspr-2024',
    previousVersion: '1',
    version: '2',
    contentHash: h2,
    invalidatedPartnerIds: ['police', 'health'],
    reopened: true,
  },
});

describe('signoffs projection', () => {
  it('given both partners signed v1 and it completed, when the artefact is revised, then it reopens and v1 signatures stop counting', () => {
    const before = project([requested, signed('police', '1', h1), signed('health', '1', h1), completed]);
    expect(before.get('signoff:cspr-2024')).toMatchObject({
      status: 'completed',
      signedPartnerIds: ['police', 'health'],
      decisionId: 'dec-7',
      artefact: { artefactId: 'cspr', title: 'CSPR report' },
    });
    const doc = project([
      requested,
      signed('police', '1', h1),
      signed('health', '1', h1),
      completed,
      revised,
      signed('police', '2', h2),
    ]).get('signoff:cspr-2024')!;
    expect(doc).toMatchObject({ status: 'open', currentVersion: '2', signedPartnerIds: ['police'] });
    expect(doc.versions.map((v) => [v.version, v.contentHash])).toEqual([
      ['1', h1],
      ['2', h2],
    ]);
    expect(doc.signatures.map((s) => [s.partnerId, s.version, s.supersededBy])).toEqual([
      ['police', '1', '2'],
      ['health', '1', '2'],
      ['police', '2', undefined],
    ]);
    expect(doc.history.map((e) => e.summary)).toContain('Revised v1 to v2 (reopened)');
  });

  it('given a signature withdrawn and then the request, then both are on record with their reasons', () => {
    const doc = project([
      requested,
      signed('police', '1', h1),
      signoff({
        type: 'signoff-signature-withdrawn',
        data: { signoffId: 'cspr-2024', partnerId: 'police', version: '1', reason: 'Wrong figures', reopened: false },
      }),
      signoff({ type: 'signoff-request-withdrawn', data: { signoffId: 'cspr-2024', reason: 'Replaced' } }),
    ]).get('signoff:cspr-2024')!;
    expect(doc.signatures[0].withdrawn).toMatchObject({ reason: 'Wrong figures', actor: { userId: 'bm-1' } });
    expect(doc).toMatchObject({ status: 'withdrawn', withdrawn: { reason: 'Replaced' }, signedPartnerIds: [] });
  });

  it('when filtered, then by decision, status and signer, and never an unrequested sign-off', () => {
    const doc = project([requested, signed('police', '1', h1)]).get('signoff:cspr-2024')!;
    expect(matchesSignoff(doc, { decisionId: 'dec-7', status: 'open', signerPartnerId: 'police' })).toBe(true);
    expect(matchesSignoff(doc, { signerPartnerId: 'health' })).toBe(false);
    expect(matchesSignoff(doc, { status: 'completed' })).toBe(false);
    expect(matchesSignoff(doc, { decisionId: 'dec-8' })).toBe(false);
    expect(matchesSignoff(p.initialState('signoff:nope'), {})).toBe(false);
  });
});
