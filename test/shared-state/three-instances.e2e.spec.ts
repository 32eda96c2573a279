import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { describeProblem, verifyPack } from '../../src/evidence';
import { FencedOutError, PgLeases } from '../../src/shared-state/postgres/leases';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { ESCALATION_PARTNERS, escalationNamingChild, ONE_STAGE_PROTOCOL } from '../support/escalation-partners';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { TEST_STORE_DEADLINE_MS } from '../support/esdb-test-store';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';
import { messages } from '../support/sse';
import { startServiceProcesses, type ServiceProcess, type ServiceProcesses } from '../support/service-processes';
import { FINANCIAL_YEAR_2022_23 as PACK_SCOPE } from '../evidence/support/pack-files';

/**
 * The acceptance suite of issue 18: THREE service processes (`node src/main.ts`, each its own
 * operating-system process with its own data directory) on one ledger (the EventStoreDB protocol
 * fake, with a real node's positions) and one real PostgreSQL 15 for their shared state, as a
 * load balancer would spread one client's requests over them. The checks run twice on three
 * instances: once, then again after PostgreSQL has been stopped and started mid-run (the leader the
 * first round kills is replaced by a fresh instance, as an orchestrator would).
 * Nothing waits a fixed time for a result: every check polls for a state, within a hang guard far
 * beyond what it needs (the machine is slow and shared).
 */
describe('three service processes sharing one ledger and one PostgreSQL', () => {
  /** DIGEST_INTERVAL_MINUTES=0.05: a round every 3 s on every instance, so ten intervals take half a minute. */
  const INTERVAL_MS = 3000;
  /** LEADER_LEASE_SECONDS: a lease lasts one interval plus this, so a dead leader is replaced after at most that. */
  const LEASE_MARGIN_MS = 10_000;
  const HANG_GUARD_MS = 300_000;
  const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' } as const;
  const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' } as const;
  const dpo = { userId: 'dpo-1', role: 'data-protection-officer', agency: 'warwickshire-safeguarding' } as const;
  const CHILD = 'Jamie Zebedee-Example';

  let pg: ThrowawayPostgres;
  let esdb: EsdbProtocolFake;
  let cluster: ServiceProcesses;
  let db: Pool;
  let token: string;
  /** Bearer headers for the business manager (who sees names in clear) and the data protection officer. */
  let asManager: Record<string, string>;
  let asDpo: Record<string, string>;
  /** The instances running (the leader a round kills leaves the others until it is replaced). */
  let live: ServiceProcess[];

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    esdb = await startEsdbProtocolFake({ batchAppend: true });
    cluster = await startServiceProcesses(['a', 'b', 'c'], {
      LEDGER_STORE: 'esdb',
      ESDB_CONNECTION_STRING: esdb.connectionString,
      STORE_DEADLINE_MS: String(TEST_STORE_DEADLINE_MS),
      SHARED_STATE: 'postgres',
      DATABASE_URL: pg.url,
      DIGEST_INTERVAL_MINUTES: String(INTERVAL_MS / 60_000),
      LEADER_LEASE_SECONDS: String(LEASE_MARGIN_MS / 1000),
      READ_CONSISTENCY_WAIT_MS: '60000', // the most allowed: a hang guard, not a speed check
      RETENTION_INTERVAL_MINUTES: '0',
    });
    live = [...cluster.instances];
    token = await cluster.token(admin);
    asManager = { authorization: `Bearer ${await cluster.token(manager)}` };
    asDpo = { authorization: `Bearer ${await cluster.token(dpo)}` };
    db = openSharedStatePool(pg.url, () => undefined);
  });
  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
    await esdb?.stop();
    await pg?.stop();
  });

  const call = async (s: ServiceProcess, method: string, path: string, body?: object, headers = {}) => {
    const res = await fetch(s.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body && JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
      headers: res.headers,
    };
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const giveUpAt = Date.now() + HANG_GUARD_MS;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const events = (stream: string) => esdb.log.stream(stream)?.length ?? 0;
  /** Every digest in the ledger, with when the recording instance stored it. */
  const digests = () =>
    esdb.log.all
      .filter((e) => e.type === 'ledger-digest-recorded')
      .map((e) => {
        const meta = JSON.parse(Buffer.from(e.customMetadata).toString('utf8')) as { metadata: { recordedAt: string } };
        return Date.parse(meta.metadata.recordedAt);
      });
  const digestLease = async () =>
    (
      await db.query<{ holder: string; token: string; acquired_at: Date; expires_at: Date }>(
        "SELECT holder, token, acquired_at, expires_at FROM leases WHERE name = 'ledger-digests'",
      )
    ).rows[0];
  /** Lease rows name their holder `host:pid:random`. */
  const holderOf = (holder: string) => live.find((s) => holder.split(':')[1] === String(s.pid));
  let partners = 0;
  const partnerBody = (n: number) => ({ partnerId: `partner-${n}`, name: `Partner ${n}`, kind: 'other' });
  const registerPartner = async (s: ServiceProcess, headers: Record<string, string> = {}, n = ++partners) => {
    const sent = partnerBody(n);
    return { ...(await call(s, 'POST', '/partners', sent, headers)), sent };
  };
  /** Partner streams are `partner-<partnerId>`. */
  const written = (sent: { partnerId: string }) => events(`partner-${sent.partnerId}`);
  const health = async (s: ServiceProcess) => {
    const res = await call(s, 'GET', '/health');
    return {
      status: res.status,
      idempotencyStore: (res.body.parts as Record<string, { status: string }>)?.idempotencyStore?.status,
    };
  };

  /** Keeps writing (through every live instance in turn) until stopped, so every digest round has something to record. */
  const keepWriting = () => {
    let writing = true;
    const done = (async () => {
      for (let i = 0; writing; i++) {
        expect((await registerPartner(live[i % live.length])).status).toBe(201);
        await new Promise((r) => setTimeout(r, INTERVAL_MS / 6)); // pacing the load, not waiting for a result
      }
    })();
    return () => {
      writing = false;
      return done;
    };
  };

  /** The partners and protocol an escalation names, registered once (through the first live instance). */
  let escalationsReady = false;
  const readyForEscalations = async () => {
    if (escalationsReady) return;
    for (const partner of ESCALATION_PARTNERS)
      expect((await call(live[0], 'POST', '/partners', partner)).status).toBe(201);
    expect((await call(live[0], 'POST', '/escalation-protocols', ONE_STAGE_PROTOCOL)).status).toBe(201);
    escalationsReady = true;
  };
  /** The first data subject's name in an escalation's trail, as the business manager sees it (in clear, or "[erased]"). */
  const childName = async (s: ServiceProcess, escalationId: string, headers: Record<string, string> = {}) => {
    const res = await call(s, 'GET', `/escalation-trail/${escalationId}`, undefined, { ...asManager, ...headers });
    expect(res.status).toBe(200);
    return (res.body.dataSubjects as { name: string }[])[0].name;
  };
  const packStatus = async (s: ServiceProcess, packId: string) =>
    (await call(s, 'GET', `/evidence-packs/${packId}`, undefined, asManager)).body.status as string | undefined;
  const packBuildsStarted = (packId: string) =>
    (esdb.log.stream(`evidencepack-${packId}`) ?? []).filter((e) => e.type === 'evidence-pack-generation-started')
      .length;

  const replayedKeys: { key: string; first: Awaited<ReturnType<typeof registerPartner>> }[] = [];

  /** The same checks, on the instances live (three in each round). */
  const checks = (round: string) => {
    it(`${round}: given a command answered by A, when the client retries it with the same Idempotency-Key on B, then it is written once and B replays A's answer`, async () => {
      const [a, b] = live;
      const key = `${round.replace(/\W+/g, '-')}-register-1`;
      const first = await registerPartner(a, { 'idempotency-key': key });
      const retry = await registerPartner(b, { 'idempotency-key': key }, partners);

      expect(first.status).toBe(201);
      expect({ status: retry.status, body: retry.body, etag: retry.headers.get('etag') }).toEqual({
        status: first.status,
        body: first.body,
        etag: first.headers.get('etag'),
      });
      expect(retry.headers.get('idempotent-replay')).toBe('true');
      expect(written(first.sent)).toBe(1);
      replayedKeys.push({ key, first });
    });

    it(`${round}: given a write through A, when B is read at once with its Consistency-Position, then B answers with the write`, async () => {
      const [a, b] = live;
      const write = await registerPartner(a);
      expect(write.status).toBe(201);
      const position = String(write.body.position);
      const read = await call(b, 'GET', `/partners/${write.sent.partnerId}`, undefined, {
        'consistency-position': position,
      });
      expect({ status: read.status, name: read.body.name }).toEqual({ status: 200, name: write.sent.name });
    });

    it(`${round}: given a child named in an escalation raised through A, then the others reveal the name; after an erasure through B, every other instance shows it erased at once`, async () => {
      const [a, b] = live;
      const others = live.filter((s) => s !== b);
      const id = round.toLowerCase().replace(/\W+/g, '-');
      const escalationId = `esc-${id}`;
      const subjectId = `child-${id}`;
      await readyForEscalations();
      const raised = await call(
        a,
        'POST',
        '/escalations',
        escalationNamingChild({ name: CHILD, dateOfBirth: '2015-03-04' }, { escalationId, subjectId }),
        asManager,
      );
      expect(raised.status).toBe(201);
      const seen = { 'consistency-position': String(raised.body.position) };
      // Every instance reads the document (and so its key) before the erasure: none may keep it after.
      for (const s of live) expect(await childName(s, escalationId, seen)).toBe(CHILD);

      const erased = await call(
        b,
        'POST',
        `/data-subjects/${subjectId}/erasure`,
        { reason: 'Erasure request upheld' },
        asDpo,
      );
      expect(erased.status).toBe(200);

      // At once: no Consistency-Position, so no waiting for the erasure event to reach their read models;
      // their documents are revealed per request from the shared key store, where the key is gone.
      expect(await Promise.all(others.map((s) => childName(s, escalationId)))).toEqual(others.map(() => '[erased]'));
      const keys = await db.query('SELECT count(*)::int AS n FROM subject_keys WHERE subject_id = $1', [subjectId]);
      expect(keys.rows).toEqual([{ n: 0 }]);
    });

    it(`${round}: given a pack requested on A, then it is built once, and C downloads a ZIP that verifies`, async () => {
      const [a] = live;
      const c = live[live.length - 1];
      const packId = `pack-${round.toLowerCase().replace(/\W+/g, '-')}`;
      expect((await call(a, 'POST', '/evidence-packs', { packId, scope: PACK_SCOPE }, asManager)).status).toBe(202);
      expect(
        await until(`pack ${packId} to settle on C`, async () => {
          const s = await packStatus(c, packId);
          return s === 'completed' || s === 'failed' ? s : undefined;
        }),
      ).toBe('completed');
      expect(packBuildsStarted(packId)).toBe(1);

      const res = await fetch(`${c.url}/evidence-packs/${packId}/download`, { headers: asManager });
      expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
        status: 200,
        type: 'application/zip',
      });
      const dir = mkdtempSync(join(tmpdir(), 'downloaded-pack-'));
      try {
        writeFileSync(join(dir, `${packId}.zip`), Buffer.from(await res.arrayBuffer()));
        const verified = await verifyPack(join(dir, `${packId}.zip`));
        expect(verified.problems.map(describeProblem)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`${round}: given every instance running the digest schedule and writes in every interval, then ten intervals record ten digests, never two in one interval`, async () => {
      const before = digests().length;
      const stopWriting = keepWriting();
      try {
        await until('eleven more digests', async () => (digests().length >= before + 11 ? true : undefined));
      } finally {
        await stopWriting();
      }
      // Ten intervals between eleven digests. A round starts an interval after the previous one ended
      // on its instance, and a takeover only after the lease (longer than an interval) lapsed: so two
      // digests closer than an interval would be two instances recording in one interval.
      const times = digests().slice(before, before + 11);
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      expect(gaps).toHaveLength(10);
      expect(gaps.filter((gap) => gap < INTERVAL_MS)).toEqual([]);
    });

    it(`${round}: given the leader is killed (SIGKILL), then another instance takes the schedule once its lease lapses, and the dead leader's fenced-out write is refused`, async () => {
      const held = await until('a digest lease', digestLease);
      const leader = holderOf(held.holder)!;
      expect(leader).toBeDefined();
      await leader.kill();
      live = live.filter((s) => s !== leader);
      const before = digests().length;
      const stopWriting = keepWriting();
      let taken: NonNullable<Awaited<ReturnType<typeof digestLease>>>;
      try {
        taken = await until('the lease to move', async () => {
          const now = await digestLease();
          return now && now.holder !== held.holder && digests().length > before ? now : undefined;
        });
      } finally {
        await stopWriting();
      }
      // Taken by a survivor, with a higher fencing token, not before the dead leader's lease lapsed,
      // and at the first round due after it (every survivor runs one each interval; the slack is
      // for a busy machine's late timers).
      expect(live.map((s) => s.pid)).toContain(holderOf(taken.holder)?.pid);
      expect(BigInt(taken.token)).toBeGreaterThan(BigInt(held.token));
      expect(taken.acquired_at.getTime()).toBeGreaterThanOrEqual(held.expires_at.getTime());
      expect(taken.acquired_at.getTime() - held.expires_at.getTime()).toBeLessThan(INTERVAL_MS + 20_000);

      const stale = { name: 'ledger-digests', holder: held.holder, token: BigInt(held.token) };
      let wrote = false;
      await expect(
        new PgLeases(db).fenced(stale, () => {
          wrote = true;
          return Promise.resolve();
        }),
      ).rejects.toBeInstanceOf(FencedOutError);
      expect(wrote).toBe(false);
    });
  };

  checks('three instances');

  it('given the killed leader replaced by a fresh instance, then the new one serves what the others wrote, and three run again', async () => {
    const replacement = await cluster.add('d');
    live = [...live, replacement];
    const write = await registerPartner(live[0]);
    expect(write.status).toBe(201);

    const read = await call(replacement, 'GET', `/partners/${write.sent.partnerId}`, undefined, {
      'consistency-position': String(write.body.position),
    });

    expect({ status: read.status, name: read.body.name, instances: live.length }).toEqual({
      status: 200,
      name: write.sent.name,
      instances: 3,
    });
  });

  it('given writes through A, then every instance answers the same ETag (304 on A’s), and a stream resumed on B after a position A sent carries exactly what followed', async () => {
    const [a, b] = live;
    const first = await registerPartner(a);
    const second = await registerPartner(a);
    const seen = { 'consistency-position': String(second.body.position) };
    const path = `/partners/${second.sent.partnerId}`;

    const etags = await Promise.all(
      live.map(async (s) => (await call(s, 'GET', path, undefined, seen)).headers.get('etag')),
    );
    const notModified = await fetch(live[live.length - 1].url + path, {
      headers: { authorization: `Bearer ${token}`, 'if-none-match': etags[0] ?? '' },
    });

    expect(etags[0]).toMatch(/^"/);
    expect(etags).toEqual(live.map(() => etags[0]));
    expect(notModified.status).toBe(304);

    // A client whose stream on A dropped after the first write reconnects, through the balancer, to B.
    const aborted = new AbortController();
    const res = await fetch(`${b.url}/partners/stream`, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
        'last-event-id': String(first.body.position),
      },
      signal: aborted.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      await until('the resumed stream to send the second partner', async () => {
        const { value } = await reader.read();
        text += decoder.decode(value, { stream: true });
        return text.includes(second.sent.partnerId) ? true : undefined;
      });
    } finally {
      aborted.abort();
    }
    const sent = messages(text).filter((m) => m.event === 'partner');
    expect(sent.map((m) => (JSON.parse(m.data!) as { partnerId: string }).partnerId)).toEqual([second.sent.partnerId]);
    expect(sent.at(-1)?.id).toBe(String(second.body.position));
  });

  it('given PostgreSQL stopped mid-run, then every live instance’s /health reports it down while it lasts, and up again once it is back', async () => {
    pg.halt();
    try {
      for (const s of live)
        expect(
          await until(`${s.name} to report the outage`, async () => {
            const h = await health(s);
            return h.idempotencyStore === 'down' ? h : undefined;
          }),
        ).toEqual({ status: 503, idempotencyStore: 'down' });
    } finally {
      await pg.resume();
    }
    for (const s of live)
      await until(`${s.name} to reconnect`, async () =>
        (await health(s)).idempotencyStore === 'up' ? true : undefined,
      );
  });

  it('given PostgreSQL restarted, then nothing was lost: a retry of a command answered before the restart is replayed, not written again', async () => {
    const [{ key, first }] = replayedKeys;
    const retry = await call(live[live.length - 1], 'POST', '/partners', first.sent, { 'idempotency-key': key });
    expect({ status: retry.status, body: retry.body, replay: retry.headers.get('idempotent-replay') }).toEqual({
      status: first.status,
      body: first.body,
      replay: 'true',
    });
    expect(written(first.sent)).toBe(1);
  });

  checks('after PostgreSQL restarted');
});
