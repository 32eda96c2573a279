import { deciderSpec } from '../../shared/testing/decider-spec';
import { Signoff, type SignoffEvent } from './signoff';

const spec = deciderSpec(Signoff, { occurredAt: '2022-09-22T10:00:00.000Z' });

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const signoffId = 'annual-report-2021-22';
const artefact = {
  artefactId: 'wsp-annual-report-2021-22',
  kind: 'report' as const,
  title: 'Annual Report 2021-22',
  version: 'v1',
  contentHash: H1,
};
const requested: SignoffEvent = {
  type: 'signoff-requested',
  data: { signoffId, artefact, requiredPartnerIds: ['wcc', 'police', 'icb'] },
};
const signedBy = (partnerId: string, version = 'v1', contentHash = H1): SignoffEvent => ({
  type: 'signoff-signed',
  data: { signoffId, partnerId, version, contentHash },
});
const completed: SignoffEvent = {
  type: 'signoff-completed',
  data: { signoffId, version: 'v1', contentHash: H1, partnerIds: ['wcc', 'police', 'icb'], subjectToConditions: false },
};
const request = (extra: object = {}) => ({
  type: 'request-signoff' as const,
  data: {
    signoffId,
    artefact,
    requiredPartnerIds: ['wcc', 'police', 'icb'],
    unregisteredPartnerIds: [],
    missingServed: [],
    ...extra,
  },
});
const sign = (partnerId: string, extra: object = {}) => ({
  type: 'sign-signoff' as const,
  data: { signoffId, partnerId, ...extra },
});
const revise = (version: string, contentHash: string) => ({
  type: 'revise-signoff-artefact' as const,
  data: { signoffId, version, contentHash },
});
/** The artefact revised from v1 to v2 (H2) while open, invalidating those partners' signatures. */
const revisedToV2 = (invalidatedPartnerIds: string[]): SignoffEvent => ({
  type: 'signoff-artefact-revised',
  data: { signoffId, previousVersion: 'v1', version: 'v2', contentHash: H2, invalidatedPartnerIds, reopened: false },
});
const withdrawSignature = (partnerId: string) => ({
  type: 'withdraw-signoff-signature' as const,
  data: { signoffId, partnerId, reason: 'Figures changed' },
});

describe('Signoff decider: requesting', () => {
  it('given a cited case review the handler found, then the request records what it serves', () => {
    const serves = [{ kind: 'case-review' as const, id: 'james-cspr' }];
    spec
      .given()
      .when(request({ serves }))
      .thenMatches([{ type: 'signoff-requested', data: { serves } }]);
  });

  it('refuses a request citing a record the handler could not find', () => {
    const serves = [{ kind: 'case-review' as const, id: 'nowhere' }];
    spec
      .given()
      .when(request({ serves, missingServed: serves }))
      .thenRefuses('served-record-not-found', 422);
  });

  it('given nothing, when sign-off of a report is requested from registered partners, then the request is recorded', () => {
    spec
      .given()
      .when(request({ meetingId: 'wseb-2022-09-22', meetingExists: true, decisionId: 'd3', decisionExists: true }))
      .then([
        {
          type: 'signoff-requested',
          data: {
            signoffId,
            artefact,
            requiredPartnerIds: ['wcc', 'police', 'icb'],
            meetingId: 'wseb-2022-09-22',
            decisionId: 'd3',
          },
        },
      ]);
  });

  it.each([
    ['signoff-exists', 409, spec.given([requested]), {}],
    ['required-partners-empty', 422, spec.given(), { requiredPartnerIds: [] }],
    ['partner-not-registered', 422, spec.given(), { unregisteredPartnerIds: ['icb'] }],
    ['meeting-not-found', 422, spec.given(), { meetingId: 'nope', meetingExists: false }],
    ['decision-not-recorded', 422, spec.given(), { decisionId: 'nope', decisionExists: false }],
  ])('refuses a request with %s (%i)', (code, status, state, extra) => {
    state.when(request(extra)).thenRefuses(code, status);
  });

  it('refuses every change to a sign-off never requested (404)', () => {
    for (const c of [
      sign('wcc'),
      revise('v2', H2),
      withdrawSignature('wcc'),
      { type: 'withdraw-signoff-request' as const, data: { signoffId, reason: 'r' } },
    ]) {
      spec.given().when(c).thenRefuses('signoff-not-found', 404);
    }
  });
});

describe('Signoff decider: signing', () => {
  it('given a request, when a required partner signs, then the signature carries the current version and hash', () => {
    const signerRoles = [{ partnerId: 'police', from: null }];
    spec
      .given([requested])
      .when(
        sign('police', { signedByPersonId: 'chief-constable', conditions: ['Subject to a data check'], signerRoles }),
      )
      .then([
        {
          type: 'signoff-signed',
          data: {
            signoffId,
            partnerId: 'police',
            version: 'v1',
            contentHash: H1,
            signedByPersonId: 'chief-constable',
            conditions: ['Subject to a data check'],
          },
        },
      ]);
  });

  it('checks a named signer against the partner they represented on the business date', () => {
    const moved = [
      { partnerId: 'wcc', from: null },
      { partnerId: 'police', from: '2022-07-01' },
    ];
    expect(
      spec
        .given([requested])
        .when(sign('police', { signedByPersonId: 'jo-bloggs', signerRoles: moved }))
        .decided()[0].data,
    ).toMatchObject({ signedByPersonId: 'jo-bloggs' });
    spec
      .given([requested])
      .when(sign('wcc', { signedByPersonId: 'jo-bloggs', signerRoles: moved }))
      .thenRefuses('signer-not-of-partner', 422);
    spec
      .given([requested])
      .when(sign('wcc', { signedByPersonId: 'nobody', signerRoles: [] }))
      .thenRefuses('person-not-registered', 422);
  });

  it('given all but one signature, when the last partner signs, then the sign-off also completes', () => {
    const events = spec
      .given([requested, signedBy('wcc'), signedBy('police')])
      .when(sign('icb'))
      .decided();
    expect(events.map((e) => e.type)).toEqual(['signoff-signed', 'signoff-completed']);
    expect(events[1].data).toEqual({
      signoffId,
      version: 'v1',
      contentHash: H1,
      partnerIds: ['wcc', 'police', 'icb'],
      subjectToConditions: false,
    });
  });

  it('completes subject to conditions when any partner signed with conditions', () => {
    const withConditions: SignoffEvent = {
      type: 'signoff-signed',
      data: { signoffId, partnerId: 'wcc', version: 'v1', contentHash: H1, conditions: ['Typo on page 4'] },
    };
    const [, done] = spec
      .given([requested, withConditions, signedBy('police')])
      .when(sign('icb'))
      .decided();
    expect(done.data).toMatchObject({ subjectToConditions: true });
  });

  it('refuses a partner not asked to sign, a second signature on the same version, and signing after withdrawal', () => {
    spec.given([requested]).when(sign('school')).thenRefuses('partner-not-required', 422);
    spec
      .given([requested, signedBy('wcc')])
      .when(sign('wcc'))
      .thenRefuses('already-signed', 409);
    const withdrawn = spec.given([
      requested,
      { type: 'signoff-request-withdrawn', data: { signoffId, reason: 'Replaced' } },
    ]);
    withdrawn.when(sign('wcc')).thenRefuses('signoff-withdrawn', 422);
  });

  it('given a revision, a partner that signed the earlier version signs again for the new one', () => {
    const revised = revisedToV2(['wcc']);
    expect(
      spec
        .given([requested, signedBy('wcc'), revised])
        .when(sign('wcc'))
        .decided()[0].data,
    ).toMatchObject({
      partnerId: 'wcc',
      version: 'v2',
      contentHash: H2,
    });
  });
});

describe('Signoff decider: revising and withdrawing', () => {
  it('given signatures, when the artefact is revised, then the event lists the invalidated partners', () => {
    spec
      .given([requested, signedBy('wcc'), signedBy('police')])
      .when(revise('v2', H2))
      .then([revisedToV2(['wcc', 'police'])]);
  });

  it('given a completed sign-off, when revised, then it reopens and every partner must sign again', () => {
    const allSigned = [requested, signedBy('wcc'), signedBy('police'), signedBy('icb'), completed];
    const events = spec.given(allSigned).when(revise('v2', H2)).decided();
    expect(events[0].data).toMatchObject({ invalidatedPartnerIds: ['wcc', 'police', 'icb'], reopened: true });
    const reopened = spec.given([...allSigned, ...events]);
    expect(reopened.state()).toMatchObject({ completed: false, signatures: {} });
    expect(
      reopened
        .when(sign('wcc'))
        .decided()
        .map((e) => e.type),
    ).toEqual(['signoff-signed']);
  });

  it('refuses a revision that keeps the version or the content', () => {
    spec.given([requested]).when(revise('v1', H2)).thenRefuses('version-unchanged', 422);
    spec.given([requested]).when(revise('v2', H1)).thenRefuses('content-unchanged', 422);
  });

  it('given a signature, when it is withdrawn with a reason, then it no longer counts (and a completed sign-off reopens)', () => {
    const withdrawal = spec
      .given([requested, signedBy('wcc'), signedBy('police'), signedBy('icb'), completed])
      .when(withdrawSignature('police'));
    withdrawal.then([
      {
        type: 'signoff-signature-withdrawn',
        data: { signoffId, partnerId: 'police', version: 'v1', reason: 'Figures changed', reopened: true },
      },
    ]);
    expect(withdrawal.stateAfter()).toMatchObject({
      completed: false,
      signatures: { wcc: {}, icb: {} },
    });
  });

  it('refuses withdrawing a signature that is not there, or was on an earlier version', () => {
    spec.given([requested]).when(withdrawSignature('wcc')).thenRefuses('signature-not-found', 422);
    const revised = revisedToV2(['wcc']);
    spec
      .given([requested, signedBy('wcc'), revised])
      .when(withdrawSignature('wcc'))
      .thenRefuses('signature-not-found');
  });

  it('withdraws the whole request once, then refuses every further change', () => {
    const withdraw = { type: 'withdraw-signoff-request' as const, data: { signoffId, reason: 'Report replaced' } };
    const events = spec.given([requested]).when(withdraw).decided();
    expect(events).toEqual([{ type: 'signoff-request-withdrawn', data: withdraw.data }]);
    const withdrawn = spec.given([requested, signedBy('wcc'), ...events]);
    for (const c of [withdraw, revise('v2', H2), withdrawSignature('wcc'), sign('police')]) {
      withdrawn.when(c).thenRefuses('signoff-withdrawn', 422);
    }
  });
});
