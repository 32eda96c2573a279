import type { Pool } from 'pg';
import { FencedOutError, PgLeases } from '../../src/shared-state/postgres/leases';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';
import { startServiceProcesses, type ServiceProcess, type ServiceProcesses } from '../support/service-processes';

/**
 * The acceptance suite of issue 18: THREE service processes (`node src/main.ts`, each its own
 * operating-system process with its own data directory) on one ledger (the EventStoreDB protocol
 * fake, with a real node's positions) and one real PostgreSQL 15 for their shared state, as a
 * load balancer would spread one client's requests over them. The checks run twice: once on three
 * instances, then again on the survivors after PostgreSQL has been stopped and started mid-run.
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

  let pg: ThrowawayPostgres;
  let esdb: EsdbProtocolFake;
  let cluster: ServiceProcesses;
  let db: Pool;
  let token: string;
  /** The instances still running (the leader killed in each round leaves the others). */
  let live: ServiceProcess[];

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    esdb = await startEsdbProtocolFake({ batchAppend: true });
    cluster = await startServiceProcesses(['a', 'b', 'c'], {
      LEDGER_STORE: 'esdb',
      ESDB_CONNECTION_STRING: esdb.connectionString,
      SHARED_STATE: 'postgres',
      DATABASE_URL: pg.url,
      DIGEST_INTERVAL_MINUTES: String(INTERVAL_MS / 60_000),
      LEADER_LEASE_SECONDS: String(LEASE_MARGIN_MS / 1000),
      READ_CONSISTENCY_WAIT_MS: '30000',
      RETENTION_INTERVAL_MINUTES: '0',
    });
    live = [...cluster.instances];
    token = await cluster.token(admin);
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

  const replayedKeys: { key: string; first: Awaited<ReturnType<typeof registerPartner>> }[] = [];

  /** The same checks, on whichever instances are live (three at first; the survivors after PostgreSQL's restart). */
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
