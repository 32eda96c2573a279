import { deciderSpec } from '../../shared/testing/decider-spec';
import type { PackScope } from './pack-scope';
import { EvidencePack, activeGrant, canSee, type EvidencePackEvent } from './evidence-pack';

const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const inspector = { userId: 'ofsted-hmi-1', role: 'inspector', agency: 'ofsted' };
const NOW = '2022-11-21T12:00:00.000Z';
const spec = deciderSpec(EvidencePack, { meta: { actor: manager, occurredAt: NOW } });
const asInspector = { actor: inspector, occurredAt: NOW };

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
const extend = (expiresAt = '2023-01-31T17:00:00.000Z', now = NOW) => ({
  type: 'extend-pack-access' as const,
  data: { packId, inspectorUserId: inspector.userId, expiresAt, reason: 'fieldwork extended', now },
});
const download = (access: 'any' | 'granted' | 'none', now = NOW) => ({
  type: 'record-pack-download' as const,
  data: { packId, access, now },
});
describe('EvidencePack decider', () => {
  describe('request', () => {
    it('given nothing, when a pack is requested, then it is recorded with its scope and requester', () => {
      spec
        .given()
        .when({ type: 'request-evidence-pack', data: { packId, scope } })
        .then([{ type: 'evidence-pack-requested', data: { packId, scope, requestedBy: manager } }]);
      expect(spec.given([requested]).state()).toMatchObject({ exists: true, status: 'queued', requestedBy: manager });
    });
    it('given a requested pack, when requested again, then it is a conflict', () => {
      spec
        .given([requested])
        .when({ type: 'request-evidence-pack', data: { packId, scope } })
        .thenRefuses('pack-exists', 409);
    });
    it('given nothing, when the period is reversed, then it is refused', () => {
      spec
        .given()
        .when({ type: 'request-evidence-pack', data: { packId, scope: { ...scope, from: '2023-04-01' } } })
        .thenRefuses('scope-period-reversed', 422);
    });
    it('given nothing, when no record kinds are asked for, then it is refused', () => {
      spec
        .given()
        .when({ type: 'request-evidence-pack', data: { packId, scope: { ...scope, records: [] } } })
        .thenRefuses('invalid-pack-scope', 422);
    });
  });

  describe('generation', () => {
    it('given a queued pack, when started, then attempt 1 is recorded', () => {
      spec.given([requested]).when({ type: 'start-pack-generation', data: { packId } }).then([started]);
    });
    it('given a pack left generating by a restart, when started again, then it is attempt 2', () => {
      expect(
        spec.given([requested, started]).when({ type: 'start-pack-generation', data: { packId } }).decided()[0].data,
      ).toEqual({
        packId,
        attempt: 2,
      });
    });
    it('given a completed or failed pack, when started, then it is a conflict', () => {
      spec
        .given([requested, started, completed])
        .when({ type: 'start-pack-generation', data: { packId } })
        .thenRefuses('pack-not-queued', 409);
      spec
        .given([requested, started, failed])
        .when({ type: 'start-pack-generation', data: { packId } })
        .thenRefuses('pack-not-queued', 409);
    });
    it('given no pack, when started, then it is not found', () => {
      spec
        .given()
        .when({ type: 'start-pack-generation', data: { packId } })
        .thenRefuses('evidence-pack-not-found', 404);
    });
    it('given a generating pack, when completed, then the root hash, size and files are recorded', () => {
      spec
        .given([requested, started])
        .when({ type: 'complete-pack-generation', data: { packId, ...built } })
        .then([completed]);
      expect(spec.given([requested, started, completed]).state()).toMatchObject({ status: 'completed', built });
    });
    it('given a generating pack, when it fails, then the reason is recorded', () => {
      spec
        .given([requested, started])
        .when({ type: 'fail-pack-generation', data: { packId, reason: 'disk full' } })
        .then([failed]);
      expect(spec.given([requested, started, failed]).state()).toMatchObject({
        status: 'failed',
        failure: 'disk full',
      });
    });
    it('given a queued pack (not started), when completed or failed, then it is a conflict', () => {
      spec
        .given([requested])
        .when({ type: 'complete-pack-generation', data: { packId, ...built } })
        .thenRefuses('pack-not-generating', 409);
      spec
        .given([requested])
        .when({ type: 'fail-pack-generation', data: { packId, reason: 'x' } })
        .thenRefuses('pack-not-generating', 409);
    });
  });

  describe('grants', () => {
    const done = [requested, started, completed];
    it('given a completed pack, when a named inspector is granted access until a future time, then it is recorded', () => {
      spec.given(done).when(grant()).then([granted()]);
    });
    it('given a pack not yet completed, when access is granted, then it is a conflict', () => {
      spec.given([requested, started]).when(grant()).thenRefuses('pack-not-completed', 409);
      spec.given([requested, started, failed]).when(grant()).thenRefuses('pack-not-completed', 409);
    });
    it('given a completed pack, when the expiry is now or past, then it is refused', () => {
      spec.given(done).when(grant(NOW)).thenRefuses('grant-expiry-not-in-future', 422);
      spec.given(done).when(grant('2022-01-01T00:00:00Z')).thenRefuses('grant-expiry-not-in-future', 422);
    });
    it('given an active grant, when granted again (to extend), then it is a conflict: revoke first', () => {
      spec
        .given([...done, granted()])
        .when(grant('2023-01-01T00:00:00Z'))
        .thenRefuses('grant-already-active', 409);
    });
    it('given a revoked grant, when granted again, then it is recorded', () => {
      spec
        .given([...done, granted(), revoked])
        .when(grant('2023-01-01T00:00:00Z'))
        .then([granted('2023-01-01T00:00:00Z')]);
    });
    it('given an expired grant, when granted again, then it is recorded', () => {
      expect(
        spec
          .given([...done, granted()])
          .when(grant('2023-02-01T00:00:00Z', '2023-01-01T00:00:00Z'))
          .decided(),
      ).toHaveLength(1);
    });
    it('given an active grant, when revoked with a reason, then it is recorded and no longer active', () => {
      spec
        .given([...done, granted()])
        .when(revoke())
        .then([revoked]);
      expect(activeGrant(spec.given([...done, granted(), revoked]).state(), inspector.userId, NOW)).toBeUndefined();
    });
    it('given an active grant, when extended with a reason, then it is revoked and granted again in one decision', () => {
      const extended = spec.given([...done, granted()]).when(extend());
      extended.then([
        { ...revoked, data: { ...revoked.data, reason: 'fieldwork extended' } },
        granted('2023-01-31T17:00:00.000Z'),
      ]);
      const state = spec
        .given([...done, granted()])
        .and(extend())
        .state();
      expect(activeGrant(state, inspector.userId, '2023-01-01T00:00:00.000Z')).toMatchObject({ revoked: false });
    });
    it('given an active grant, when extended to its expiry or earlier, then it is refused: shortening is a revocation', () => {
      spec
        .given([...done, granted()])
        .when(extend('2022-12-01T00:00:00.000Z'))
        .thenRefuses('extension-not-later', 422);
    });
    it('given no grant, a revoked one or an expired one, when extended, then there is no active grant to extend', () => {
      spec.given(done).when(extend()).thenRefuses('no-active-grant', 409);
      spec
        .given([...done, granted(), revoked])
        .when(extend())
        .thenRefuses('no-active-grant', 409);
      spec
        .given([...done, granted()])
        .when(extend(undefined, '2022-12-01T00:00:00.000Z'))
        .thenRefuses('no-active-grant', 409);
    });
    it('given no grant, a revoked grant or an expired one, when revoked, then there is no active grant to revoke', () => {
      spec.given(done).when(revoke()).thenRefuses('no-active-grant', 409);
      spec
        .given([...done, granted(), revoked])
        .when(revoke())
        .thenRefuses('no-active-grant', 409);
      spec
        .given([...done, granted()])
        .when(revoke('2022-12-01T00:00:00.000Z'))
        .thenRefuses('no-active-grant', 409);
    });
  });

  describe('visibility and downloads', () => {
    const done = [requested, started, completed];
    it('lets packs:request see any pack, an inspector only while the grant is active, and nobody else', () => {
      expect(canSee(spec.given(done).state(), manager.userId, 'any', NOW)).toBe(true);
      expect(canSee(spec.given([...done, granted()]).state(), inspector.userId, 'granted', NOW)).toBe(true);
      expect(
        canSee(spec.given([...done, granted()]).state(), inspector.userId, 'granted', '2022-12-01T00:00:00.000Z'),
      ).toBe(false);
      expect(canSee(spec.given([...done, granted(), revoked]).state(), inspector.userId, 'granted', NOW)).toBe(false);
      expect(canSee(spec.given([...done, granted()]).state(), 'another-inspector', 'granted', NOW)).toBe(false);
      expect(canSee(spec.given([...done, granted()]).state(), inspector.userId, 'none', NOW)).toBe(false);
      expect(canSee(spec.given().state(), manager.userId, 'any', NOW)).toBe(false);
    });
    it('given a completed pack, when a requester or a granted inspector downloads, then the downloader is recorded', () => {
      spec
        .given(done)
        .when(download('any'))
        .then([{ type: 'evidence-pack-downloaded', data: { packId, by: manager } }]);
      spec
        .given([...done, granted()])
        .when({ ...download('granted'), meta: asInspector })
        .then([{ type: 'evidence-pack-downloaded', data: { packId, by: inspector } }]);
    });
    it('given a revoked, expired or absent grant, when an inspector downloads, then the pack is not found', () => {
      spec
        .given([...done, granted(), revoked])
        .when({ ...download('granted'), meta: asInspector })
        .thenRefuses('evidence-pack-not-found', 404);
      spec
        .given([...done, granted()])
        .when({ ...download('granted', '2022-12-02T00:00:00Z'), meta: asInspector })
        .thenRefuses('evidence-pack-not-found', 404);
      spec
        .given(done)
        .when({ ...download('granted'), meta: asInspector })
        .thenRefuses('evidence-pack-not-found', 404);
      spec
        .given(done)
        .when({ ...download('none'), meta: asInspector })
        .thenRefuses('evidence-pack-not-found', 404);
    });
    it('given a pack not yet completed, when downloaded, then it is a conflict', () => {
      spec.given([requested, started]).when(download('any')).thenRefuses('pack-not-completed', 409);
    });
  });
});
