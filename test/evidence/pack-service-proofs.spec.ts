import { loadDemo } from '../../demo/load/load-demo';
import { PackStorage } from '../../src/evidence/jobs/pack-storage';
import { LOG_PROOFS_FILE } from '../../src/evidence/pack/formats/log-proofs';
import { describeProblem } from '../../src/evidence/pack/verify/pack-problem';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import { send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { YEAR_2022 } from './support/pack-files';

const ADMIN = { userId: 'sam-admin', role: 'admin' as const, agency: 'warwickshire-safeguarding' };

/**
 * The service end to end: the log tree the follower keeps, a digest recorded through the API (which
 * signs treeSize/treeRoot), and a pack the background job builds: it carries log-proofs.ndjson and
 * verifies offline against the digest's own key, with no other part of the service.
 */
describe('a pack built by the service carries inclusion proofs against the recorded digest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DIGEST_INTERVAL_MINUTES: '0' });
    await loadDemo(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('given a recorded digest, when a pack is requested, then the built pack verifies with proofs against it', async () => {
    const recorded = await send(t, '/ledger/digests', {}, { token: await t.token(ADMIN) });
    expect(recorded.status).toBe(201);
    const digest = (await t.store.readStream(`digest-${recorded.body.id}`))[0].data as SignedDigest;
    expect(digest.treeSize).toBeGreaterThan(0);
    expect((await send(t, '/evidence-packs', { packId: 'jtai-2022', scope: YEAR_2022 })).status).toBe(202);
    let status: string | undefined;
    // Until built, under a hang guard (2 min), not a count of polls: a loaded machine's build is slower, not wrong.
    for (const end = Date.now() + 120_000; Date.now() < end && status !== 'completed' && status !== 'failed';) {
      status = (await send(t, '/evidence-packs/jtai-2022', undefined, { method: 'GET' })).body?.status;
      if (status !== 'completed' && status !== 'failed') await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe('completed');
    const result = await verifyPack(t.app.get(PackStorage).pathOf('jtai-2022'), {
      publicKeyPem: digest.publicKeyPem,
      published: { digest, name: 'recorded' },
    });
    expect(result.problems.map(describeProblem)).toEqual([]);
    expect(result.manifest?.digest).toMatchObject({
      digestId: digest.digestId,
      treeSize: digest.treeSize,
      treeRoot: digest.treeRoot,
    });
    expect(result.manifest?.files.map((f) => f.name)).toContain(LOG_PROOFS_FILE);
  });
});
