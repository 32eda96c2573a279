import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Signoff, type SignoffCommand, type SignoffEvent } from './signoff';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-09-22T10:00:00.000Z',
};
const given = (...events: SignoffEvent[]) => fold(Signoff.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<SignoffCommand, 'meta'>) =>
  Signoff.decider.decide({ ...c, meta } as SignoffCommand, state);

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
  data: { signoffId, artefact, requiredPartnerIds: ['wcc', 'police', 'icb'], unregisteredPartnerIds: [], ...extra },
});
const sign = (partnerId: string, extra: object = {}) => ({
  type: 'sign-signoff' as const,
  data: { signoffId, partnerId, ...extra },
});
const revise = (version: string, contentHash: string) => ({
  type: 'revise-signoff-artefact' as const,
  data: { signoffId, version, contentHash },
});
const withdrawSignature = (partnerId: string) => ({
  type: 'withdraw-signoff-signature' as const,
  data: { signoffId, partnerId, reason: 'Figures changed' },
});

describe('Signoff decider: requesting', () => {
  it('given nothing, when sign-off of a report is requested from registered partners, then the request is recorded', () => {
    expect(
      when(
        given(),
        request({ meetingId: 'wseb-2022-09-22', meetingExists: true, decisionId: 'd3', decisionExists: true }),
      ),
    ).toEqual([
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
    ['signoff-exists', 409, given(requested), {}],
    ['required-partners-empty', 422, given(), { requiredPartnerIds: [] }],
    ['partner-not-registered', 422, given(), { unregisteredPartnerIds: ['icb'] }],
    ['meeting-not-found', 422, given(), { meetingId: 'nope', meetingExists: false }],
    ['decision-not-recorded', 422, given(), { decisionId: 'nope', decisionExists: false }],
  ])('refuses a request with %s (%i)', (code, status, state, extra) => {
    expect(() => when(state, request(extra))).toThrow(expect.objectContaining({ code, status }));
  });

  it('refuses every change to a sign-off never requested (404)', () => {
    for (const c of [
      sign('wcc'),
      revise('v2', H2),
      withdrawSignature('wcc'),
      { type: 'withdraw-signoff-request' as const, data: { signoffId, reason: 'r' } },
    ]) {
      expect(() => when(given(), c)).toThrow(expect.objectContaining({ code: 'signoff-not-found', status: 404 }));
    }
  });
});

describe('Signoff decider: signing', () => {
  it('given a request, when a required partner signs, then the signature carries the current version and hash', () => {
    const signerRoles = [{ partnerId: 'police', from: null }];
    expect(
      when(
        given(requested),
        sign('police', { signedByPersonId: 'chief-constable', conditions: ['Subject to a data check'], signerRoles }),
      ),
    ).toEqual([
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
      when(given(requested), sign('police', { signedByPersonId: 'jo-bloggs', signerRoles: moved }))[0].data,
    ).toMatchObject({ signedByPersonId: 'jo-bloggs' });
    expect(() => when(given(requested), sign('wcc', { signedByPersonId: 'jo-bloggs', signerRoles: moved }))).toThrow(
      expect.objectContaining({ code: 'signer-not-of-partner', status: 422 }),
    );
    expect(() => when(given(requested), sign('wcc', { signedByPersonId: 'nobody', signerRoles: [] }))).toThrow(
      expect.objectContaining({ code: 'person-not-registered', status: 422 }),
    );
  });

  it('given all but one signature, when the last partner signs, then the sign-off also completes', () => {
    const events = when(given(requested, signedBy('wcc'), signedBy('police')), sign('icb'));
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
    const [, done] = when(given(requested, withConditions, signedBy('police')), sign('icb'));
    expect(done.data).toMatchObject({ subjectToConditions: true });
  });

  it('refuses a partner not asked to sign, a second signature on the same version, and signing after withdrawal', () => {
    expect(() => when(given(requested), sign('school'))).toThrow(
      expect.objectContaining({ code: 'partner-not-required', status: 422 }),
    );
    expect(() => when(given(requested, signedBy('wcc')), sign('wcc'))).toThrow(
      expect.objectContaining({ code: 'already-signed', status: 409 }),
    );
    const withdrawn = given(requested, { type: 'signoff-request-withdrawn', data: { signoffId, reason: 'Replaced' } });
    expect(() => when(withdrawn, sign('wcc'))).toThrow(
      expect.objectContaining({ code: 'signoff-withdrawn', status: 422 }),
    );
  });

  it('given a revision, a partner that signed the earlier version signs again for the new one', () => {
    const revised: SignoffEvent = {
      type: 'signoff-artefact-revised',
      data: {
        signoffId,
        previousVersion: 'v1',
        version: 'v2',
        contentHash: H2,
        invalidatedPartnerIds: ['wcc'],
        reopened: false,
      },
    };
    expect(when(given(requested, signedBy('wcc'), revised), sign('wcc'))[0].data).toMatchObject({
      partnerId: 'wcc',
      version: 'v2',
      contentHash: H2,
    });
  });
});

describe('Signoff decider: revising and withdrawing', () => {
  it('given signatures, when the artefact is revised, then the event lists the invalidated partners', () => {
    expect(when(given(requested, signedBy('wcc'), signedBy('police')), revise('v2', H2))).toEqual([
      {
        type: 'signoff-artefact-revised',
        data: {
          signoffId,
          previousVersion: 'v1',
          version: 'v2',
          contentHash: H2,
          invalidatedPartnerIds: ['wcc', 'police'],
          reopened: false,
        },
      },
    ]);
  });

  it('given a completed sign-off, when revised, then it reopens and every partner must sign again', () => {
    const state = given(requested, signedBy('wcc'), signedBy('police'), signedBy('icb'), completed);
    const events = when(state, revise('v2', H2));
    expect(events[0].data).toMatchObject({ invalidatedPartnerIds: ['wcc', 'police', 'icb'], reopened: true });
    const reopened = given(requested, signedBy('wcc'), signedBy('police'), signedBy('icb'), completed, ...events);
    expect(reopened).toMatchObject({ completed: false, signatures: {} });
    expect(when(reopened, sign('wcc')).map((e) => e.type)).toEqual(['signoff-signed']);
  });

  it('refuses a revision that keeps the version or the content', () => {
    expect(() => when(given(requested), revise('v1', H2))).toThrow(
      expect.objectContaining({ code: 'version-unchanged', status: 422 }),
    );
    expect(() => when(given(requested), revise('v2', H1))).toThrow(
      expect.objectContaining({ code: 'content-unchanged', status: 422 }),
    );
  });

  it('given a signature, when it is withdrawn with a reason, then it no longer counts (and a completed sign-off reopens)', () => {
    const state = given(requested, signedBy('wcc'), signedBy('police'), signedBy('icb'), completed);
    const events = when(state, withdrawSignature('police'));
    expect(events).toEqual([
      {
        type: 'signoff-signature-withdrawn',
        data: { signoffId, partnerId: 'police', version: 'v1', reason: 'Figures changed', reopened: true },
      },
    ]);
    expect(given(requested, signedBy('wcc'), signedBy('police'), signedBy('icb'), completed, ...events)).toMatchObject({
      completed: false,
      signatures: { wcc: {}, icb: {} },
    });
  });

  it('refuses withdrawing a signature that is not there, or was on an earlier version', () => {
    expect(() => when(given(requested), withdrawSignature('wcc'))).toThrow(
      expect.objectContaining({ code: 'signature-not-found', status: 422 }),
    );
    const revised: SignoffEvent = {
      type: 'signoff-artefact-revised',
      data: {
        signoffId,
        previousVersion: 'v1',
        version: 'v2',
        contentHash: H2,
        invalidatedPartnerIds: ['wcc'],
        reopened: false,
      },
    };
    expect(() => when(given(requested, signedBy('wcc'), revised), withdrawSignature('wcc'))).toThrow(
      expect.objectContaining({ code: 'signature-not-found' }),
    );
  });

  it('withdraws the whole request once, then refuses every further change', () => {
    const withdraw = { type: 'withdraw-signoff-request' as const, data: { signoffId, reason: 'Report replaced' } };
    const events = when(given(requested), withdraw);
    expect(events).toEqual([{ type: 'signoff-request-withdrawn', data: withdraw.data }]);
    const withdrawn = given(requested, signedBy('wcc'), ...events);
    for (const c of [withdraw, revise('v2', H2), withdrawSignature('wcc'), sign('police')]) {
      expect(() => when(withdrawn, c)).toThrow(expect.objectContaining({ code: 'signoff-withdrawn', status: 422 }));
    }
  });
});
