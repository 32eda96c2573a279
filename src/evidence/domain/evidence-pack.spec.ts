import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import type { PackScope } from './pack-scope';
import { EvidencePack, activeGrant, canSee, type EvidencePackCommand, type EvidencePackEvent } from './evidence-pack';

const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const inspector = { userId: 'ofsted-hmi-1', role: 'inspector', agency: 'ofsted' };
const NOW = '2022-11-21T12:00:00.000Z';
const meta = (actor = manager): CommandMeta => ({ actor, occurredAt: NOW });
const given = (...events: EvidencePackEvent[]) => fold(EvidencePack.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<EvidencePackCommand, 'meta'>, actor = manager) =>
  EvidencePack.decider.decide({ ...c, meta: meta(actor) } as EvidencePackCommand, state);

const packId = 'jtai-2022';
const scope: PackScope = {
  from: '2022-04-01',
  to: '2023-03-31',
  boardIds: [],
  partnerIds: [],
  themes: ['exploitation'],
  records: ['decisions', 'actions', 'escalations', 'funding'],
};
const built = {
  rootHash: 'a'.repeat(64),
  bytes: 1234,
  eventsWritten: 40,
  generatedAt: NOW,
  positions: { from: 1, to: 40 },
  files: [{ name: 'manifest.json', sha256: 'b'.repeat(64), bytes: 10 }],
};
const requested: EvidencePackEvent = { type: 'evidence-pack-requested', data: { packId, scope, requestedBy: manager } };
const started: EvidencePackEvent = { type: 'evidence-pack-generation-started', data: { packId, attempt: 1 } };
const completed: EvidencePackEvent = { type: 'evidence-pack-generation-completed', data: { packId, ...built } };
const failed: EvidencePackEvent = { type: 'evidence-pack-generation-failed', data: { packId, reason: 'disk full' } };
const granted = (expiresAt = '2022-12-01T00:00:00.000Z'): EvidencePackEvent => ({
  type: 'evidence-pack-access-granted',
  data: { packId, inspectorUserId: inspector.userId, expiresAt },
});
const revoked: EvidencePackEvent = {
  type: 'evidence-pack-access-revoked',
  data: { packId, inspectorUserId: inspector.userId, reason: 'inspection over' },
};
const grant = (expiresAt = '2022-12-01T00:00:00.000Z', now = NOW) => ({
  type: 'grant-pack-access' as const,
  data: { packId, inspectorUserId: inspector.userId, expiresAt, now },
});
const revoke = (now = NOW) => ({
  type: 'revoke-pack-access' as const,
  data: { packId, inspectorUserId: inspector.userId, reason: 'inspection over', now },
});
const download = (access: 'any' | 'granted' | 'none', now = NOW) => ({
  type: 'record-pack-download' as const,
  data: { packId, access, now },
});
const refused = (fn: () => unknown, code: string, status: number) =>
  expect(fn).toThrow(expect.objectContaining({ code, status }));

describe('EvidencePack decider', () => {
  describe('request', () => {
    it('given nothing, when a pack is requested, then it is recorded with its scope and requester', () => {
      expect(when(given(), { type: 'request-evidence-pack', data: { packId, scope } })).toEqual([
        { type: 'evidence-pack-requested', data: { packId, scope, requestedBy: manager } },
      ]);
      expect(given(requested)).toMatchObject({ exists: true, status: 'queued', requestedBy: manager });
    });
    it('given a requested pack, when requested again, then it is a conflict', () => {
      refused(
        () => when(given(requested), { type: 'request-evidence-pack', data: { packId, scope } }),
        'pack-exists',
        409,
      );
    });
    it('given nothing, when the period is reversed, then it is refused', () => {
      refused(
        () =>
          when(given(), { type: 'request-evidence-pack', data: { packId, scope: { ...scope, from: '2023-04-01' } } }),
        'scope-period-reversed',
        422,
      );
    });
    it('given nothing, when no record kinds are asked for, then it is refused', () => {
      refused(
        () => when(given(), { type: 'request-evidence-pack', data: { packId, scope: { ...scope, records: [] } } }),
        'invalid-pack-scope',
        422,
      );
    });
  });

  describe('generation', () => {
    it('given a queued pack, when started, then attempt 1 is recorded', () => {
      expect(when(given(requested), { type: 'start-pack-generation', data: { packId } })).toEqual([started]);
    });
    it('given a pack left generating by a restart, when started again, then it is attempt 2', () => {
      expect(when(given(requested, started), { type: 'start-pack-generation', data: { packId } })[0].data).toEqual({
        packId,
        attempt: 2,
      });
    });
    it('given a completed or failed pack, when started, then it is a conflict', () => {
      refused(
        () => when(given(requested, started, completed), { type: 'start-pack-generation', data: { packId } }),
        'pack-not-queued',
        409,
      );
      refused(
        () => when(given(requested, started, failed), { type: 'start-pack-generation', data: { packId } }),
        'pack-not-queued',
        409,
      );
    });
    it('given no pack, when started, then it is not found', () => {
      refused(() => when(given(), { type: 'start-pack-generation', data: { packId } }), 'evidence-pack-not-found', 404);
    });
    it('given a generating pack, when completed, then the root hash, size and files are recorded', () => {
      expect(when(given(requested, started), { type: 'complete-pack-generation', data: { packId, ...built } })).toEqual(
        [completed],
      );
      expect(given(requested, started, completed)).toMatchObject({ status: 'completed', built });
    });
    it('given a generating pack, when it fails, then the reason is recorded', () => {
      expect(
        when(given(requested, started), { type: 'fail-pack-generation', data: { packId, reason: 'disk full' } }),
      ).toEqual([failed]);
      expect(given(requested, started, failed)).toMatchObject({ status: 'failed', failure: 'disk full' });
    });
    it('given a queued pack (not started), when completed or failed, then it is a conflict', () => {
      refused(
        () => when(given(requested), { type: 'complete-pack-generation', data: { packId, ...built } }),
        'pack-not-generating',
        409,
      );
      refused(
        () => when(given(requested), { type: 'fail-pack-generation', data: { packId, reason: 'x' } }),
        'pack-not-generating',
        409,
      );
    });
  });

  describe('grants', () => {
    const done = [requested, started, completed];
    it('given a completed pack, when a named inspector is granted access until a future time, then it is recorded', () => {
      expect(when(given(...done), grant())).toEqual([granted()]);
    });
    it('given a pack not yet completed, when access is granted, then it is a conflict', () => {
      refused(() => when(given(requested, started), grant()), 'pack-not-completed', 409);
      refused(() => when(given(requested, started, failed), grant()), 'pack-not-completed', 409);
    });
    it('given a completed pack, when the expiry is now or past, then it is refused', () => {
      refused(() => when(given(...done), grant(NOW)), 'grant-expiry-not-in-future', 422);
      refused(() => when(given(...done), grant('2022-01-01T00:00:00Z')), 'grant-expiry-not-in-future', 422);
    });
    it('given an active grant, when granted again (to extend), then it is a conflict: revoke first', () => {
      refused(() => when(given(...done, granted()), grant('2023-01-01T00:00:00Z')), 'grant-already-active', 409);
    });
    it('given a revoked grant, when granted again, then it is recorded', () => {
      expect(when(given(...done, granted(), revoked), grant('2023-01-01T00:00:00Z'))).toEqual([
        granted('2023-01-01T00:00:00Z'),
      ]);
    });
    it('given an expired grant, when granted again, then it is recorded', () => {
      expect(when(given(...done, granted()), grant('2023-02-01T00:00:00Z', '2023-01-01T00:00:00Z'))).toHaveLength(1);
    });
    it('given an active grant, when revoked with a reason, then it is recorded and no longer active', () => {
      expect(when(given(...done, granted()), revoke())).toEqual([revoked]);
      expect(activeGrant(given(...done, granted(), revoked), inspector.userId, NOW)).toBeUndefined();
    });
    it('given no grant, a revoked grant or an expired one, when revoked, then there is no active grant to revoke', () => {
      refused(() => when(given(...done), revoke()), 'no-active-grant', 409);
      refused(() => when(given(...done, granted(), revoked), revoke()), 'no-active-grant', 409);
      refused(() => when(given(...done, granted()), revoke('2022-12-01T00:00:00.000Z')), 'no-active-grant', 409);
    });
  });

  describe('visibility and downloads', () => {
    const done = [requested, started, completed];
    it('lets packs:request see any pack, an inspector only while the grant is active, and nobody else', () => {
      expect(canSee(given(...done), manager.userId, 'any', NOW)).toBe(true);
      expect(canSee(given(...done, granted()), inspector.userId, 'granted', NOW)).toBe(true);
      expect(canSee(given(...done, granted()), inspector.userId, 'granted', '2022-12-01T00:00:00.000Z')).toBe(false);
      expect(canSee(given(...done, granted(), revoked), inspector.userId, 'granted', NOW)).toBe(false);
      expect(canSee(given(...done, granted()), 'another-inspector', 'granted', NOW)).toBe(false);
      expect(canSee(given(...done, granted()), inspector.userId, 'none', NOW)).toBe(false);
      expect(canSee(given(), manager.userId, 'any', NOW)).toBe(false);
    });
    it('given a completed pack, when a requester or a granted inspector downloads, then the downloader is recorded', () => {
      expect(when(given(...done), download('any'))).toEqual([
        { type: 'evidence-pack-downloaded', data: { packId, by: manager } },
      ]);
      expect(when(given(...done, granted()), download('granted'), inspector)).toEqual([
        { type: 'evidence-pack-downloaded', data: { packId, by: inspector } },
      ]);
    });
    it('given a revoked, expired or absent grant, when an inspector downloads, then the pack is not found', () => {
      refused(
        () => when(given(...done, granted(), revoked), download('granted'), inspector),
        'evidence-pack-not-found',
        404,
      );
      refused(
        () => when(given(...done, granted()), download('granted', '2022-12-02T00:00:00Z'), inspector),
        'evidence-pack-not-found',
        404,
      );
      refused(() => when(given(...done), download('granted'), inspector), 'evidence-pack-not-found', 404);
      refused(() => when(given(...done), download('none'), inspector), 'evidence-pack-not-found', 404);
    });
    it('given a pack not yet completed, when downloaded, then it is a conflict', () => {
      refused(() => when(given(requested, started), download('any')), 'pack-not-completed', 409);
    });
  });
});
