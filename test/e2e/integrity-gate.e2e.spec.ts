import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '../../src/auth/mint-token';
import { createApp } from '../../src/bootstrap';
import { type AppConfig } from '../../src/config/app-config';
import { ledgerFile } from '../../src/ledger/event-store.factory';
import { hashEvent } from '../../src/ledger/integrity/hash-chain';
import { IntegrityGate } from '../../src/ledger/integrity/integrity-gate';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { BOUND_LIMIT } from '../../src/shared/bound-limit';
import type { EventRow as Row } from '../ledger/tamper-support';
import { sqliteServiceConfig } from '../support/test-app';

const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' } as const;
const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' } as const;
const MEETING = 'wseb-2022-05-10';
const actionBody = (actionId: string) => ({
  actionId,
  meetingId: MEETING,
  itemNumber: 1,
  text: 'Report back on the audit.',
  owners: [{ kind: 'team', name: 'WS Business Team' }],
  dueDate: '2022-06-01',
});

/** A partner the tests register after the seed: the write a gate must refuse or let through. */
const COUNCIL = { partnerId: 'warwickshire-cc', name: 'Warwickshire County Council', kind: 'local-authority' };

/** The service on SQLite in `dir`, as production runs it (the schedules off: only what a test does is written). */
const sqliteConfig = (dir: string) => sqliteServiceConfig(dir, { INTEGRITY_CHECK_INTERVAL_MINUTES: '0' });

/**
 * Issue 12, start-up and periodic check: a service started on a ledger file someone edited while
 * it was stopped refuses writes (503 ledger-integrity-failed), serves reads marked unverified, says
 * why on /health and refuses to sign a digest; read models left ahead of the ledger by a lost tail
 * are rebuilt, so a new record is readable.
 */
describe('ledger integrity gate (e2e)', () => {
  let dir: string;
  let config: AppConfig;
  let app: NestFastifyApplication | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'integrity-gate-'));
    config = sqliteConfig(dir);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<NestFastifyApplication> {
    app = await createApp(config);
    return app;
  }
  async function stop(): Promise<void> {
    await app?.close();
    app = undefined;
  }

  async function call(method: 'GET' | 'POST', url: string, body?: unknown, as: typeof admin | typeof manager = admin) {
    const token = await mintDevToken(config, as);
    const res = await app!.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
  }

  const statusOf = async (...args: Parameters<typeof call>) => (await call(...args)).status;

  /** A partner, a board, a meeting with an agenda item, an action on it (read back), and a signed digest of the head. */
  async function seedWithDigest(): Promise<void> {
    await start();
    expect(
      await statusOf('POST', '/partners', {
        partnerId: 'warwickshire-police',
        name: 'Warwickshire Police',
        kind: 'police',
      }),
    ).toBe(201);
    expect(
      await statusOf('POST', '/boards', {
        boardId: 'wseb',
        name: 'Warwickshire Safeguarding Executive Board',
        kind: 'executive-board',
      }),
    ).toBe(201);
    expect(
      await statusOf(
        'POST',
        '/meetings',
        { meetingId: MEETING, boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00Z' },
        manager,
      ),
    ).toBe(201);
    for (const itemNumber of [1, 2])
      expect(
        await statusOf(
          'POST',
          `/meetings/${MEETING}/agenda-items`,
          { itemNumber, title: `Item ${itemNumber}` },
          manager,
        ),
      ).toBe(200);
    await raiseAndRead('a1');
    expect(await statusOf('POST', '/ledger/digests', {})).toBe(201);
    await stop();
  }

  /** Raises an action and reads it back once the read models have applied it: 201, then 200 (not 404). */
  async function raiseAndRead(actionId: string): Promise<void> {
    const raised = await call('POST', '/actions', actionBody(actionId), manager);
    expect(raised.status).toBe(201);
    await app!.get(ProjectionRunner).waitFor(raised.body.position as number, 60_000); // a hang guard
    expect(await statusOf('GET', `/action-log/${actionId}`)).toBe(200);
  }

  /** Edits the ledger file through its own connection, as someone with a sqlite3 shell would, the service stopped. */
  function tamper(edit: (db: Database.Database) => void): void {
    const db = new Database(ledgerFile(config));
    try {
      db.transaction(() => edit(db))();
    } finally {
      db.close();
    }
  }
  const rowOf = (db: Database.Database, streamId: string, revision: number) =>
    db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision = ?').get(streamId, revision) as Row;
  const lastRows = (db: Database.Database, n: number) =>
    db.prepare(`SELECT * FROM events ORDER BY position DESC ${BOUND_LIMIT}`).all(n) as Row[];

  /** Rewrites an event's data and recomputes its hash from its stored prevHash: its chain still verifies. */
  function rewrite(db: Database.Database, row: Row, data: unknown): void {
    const hash = hashEvent(
      {
        id: row.event_id,
        streamId: row.stream_id,
        revision: row.revision,
        type: row.type,
        schemaVersion: row.schema_version,
        data,
        metadata: JSON.parse(row.metadata),
      },
      row.prev_hash,
    );
    db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = ?').run(JSON.stringify(data), hash, row.position);
  }

  const tamperings: [string, (db: Database.Database) => void, RegExp][] = [
    [
      "an event's data edited",
      (db) => {
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
          JSON.stringify({ partnerId: 'warwickshire-police', name: 'Someone Else', kind: 'police' }),
          rowOf(db, 'partner-warwickshire-police', 0).position,
        );
      },
      /altered: event .* \(revision 0\) does not match its hash \(stream partner-warwickshire-police, position \d+\)/,
    ],
    [
      'an event deleted from the middle of a stream',
      (db) => {
        db.prepare('DELETE FROM events WHERE position = ?').run(rowOf(db, `meeting-${MEETING}`, 1).position);
      },
      new RegExp(
        `removed: revisions 1\\.\\.1 are missing before event \\S+ \\(stream meeting-${MEETING}, position \\d+\\)`,
      ),
    ],
    [
      'the last event before a digest rewritten with a correct chain hash (only the digest can tell)',
      (db) => {
        const beforeDigest = lastRows(db, 2)[1];
        rewrite(db, beforeDigest, { ...JSON.parse(beforeDigest.data!), text: 'Forged text' });
        // The digest signs both the log tree and every stream's head: whichever root is checked first names it.
      },
      /digest-mismatch: digest head-\d+ \(ledger\): (the tree of the first \d+ events has root|the last events of the \d+ streams up to position \d+ give stream-heads root) [0-9a-f]{64}, the digest signed (\d+ streams with root )?[0-9a-f]{64}/,
    ],
    [
      'the last event a digest covers deleted (a log cut short behind a digest)',
      (db) => {
        db.prepare('DELETE FROM events WHERE position = ?').run(lastRows(db, 2)[1].position);
      },
      /digest head-\d+ \(ledger\): position \d+ it covers holds no event/,
    ],
    [
      'two events of a stream swapped in the log',
      (db) => {
        const [first, second] = [rowOf(db, `meeting-${MEETING}`, 1), rowOf(db, `meeting-${MEETING}`, 2)];
        db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(first.position);
        db.prepare('UPDATE events SET position = ? WHERE position = ?').run(first.position, second.position);
        db.prepare('UPDATE events SET position = ? WHERE position = -1').run(second.position);
      },
      new RegExp(
        `reordered: event \\S+ \\(revision 2\\) comes before revision 1 in the log \\(stream meeting-${MEETING}, position \\d+\\)`,
      ),
    ],
  ];

  it.each(tamperings)(
    'given %s while stopped, when the service starts, then writes and digests are refused with ledger-integrity-failed, reads are served marked unverified, and /health is 503 naming integrity and why',
    async (_, edit, reason) => {
      await seedWithDigest();
      tamper(edit);
      await start();
      const events = (await call('GET', '/ledger/verify')).body;

      const write = await call('POST', '/partners', COUNCIL);
      expect(write).toMatchObject({
        status: 503,
        body: { code: 'ledger-integrity-failed', detail: expect.stringMatching(reason) },
      });
      expect(write.headers['content-type']).toContain('application/problem+json');
      expect(await call('POST', '/ledger/digests', {})).toMatchObject({
        status: 503,
        body: { code: 'ledger-integrity-failed' },
      });
      expect(await call('POST', '/actions', actionBody('a2'), manager)).toMatchObject({
        status: 503,
        body: { code: 'ledger-integrity-failed' },
      });

      const read = await call('GET', '/action-log');
      expect({ status: read.status, marked: read.headers['ledger-integrity'] }).toEqual({
        status: 200,
        marked: 'unverified',
      });
      const health = await call('GET', '/health');
      expect(health).toMatchObject({
        status: 503,
        body: { status: 'down', parts: { integrity: { status: 'down', reason: expect.stringMatching(reason) } } },
      });
      expect(health.body.required).toContain('integrity');
      // Nothing was written by the refused requests.
      expect((await call('GET', '/ledger/verify')).body).toEqual(events);
    },
  );

  it('given a tampered ledger, when a client opens a server-sent stream, then the stream is served and marked unverified too', async () => {
    await seedWithDigest();
    tamper(tamperings[0][1]);
    await start();
    await app!.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const res = await fetch(`${await app!.getUrl()}/action-log/stream`, {
      headers: { authorization: `Bearer ${await mintDevToken(config, admin)}` },
      signal: abort.signal,
    });
    try {
      expect({
        status: res.status,
        type: res.headers.get('content-type'),
        marked: res.headers.get('ledger-integrity'),
      }).toEqual({ status: 200, type: expect.stringContaining('text/event-stream'), marked: 'unverified' });
    } finally {
      abort.abort();
    }
  });

  it('given an untampered ledger, when the service starts again, then it writes, signs digests, marks nothing and /health says integrity up', async () => {
    await seedWithDigest();
    await start();
    expect(await statusOf('POST', '/partners', COUNCIL)).toBe(201);
    expect(await statusOf('POST', '/ledger/digests', {})).toBe(201);
    const read = await call('GET', '/action-log');
    expect({ status: read.status, marked: read.headers['ledger-integrity'] }).toEqual({
      status: 200,
      marked: undefined,
    });
    expect(await call('GET', '/health')).toMatchObject({
      status: 200,
      body: { status: 'up', parts: { integrity: { status: 'up', verifiedThrough: expect.any(Number) } } },
    });
    // The next start checks that digest, after the verified point, against the tree resumed from the point: it holds.
    await stop();
    await start();
    expect(await call('GET', '/health')).toMatchObject({
      status: 200,
      body: {
        status: 'up',
        parts: { integrity: { status: 'up', lastCheck: { kind: 'start-up', ok: true, eventsChecked: 2 } } },
      },
    });
    expect(await statusOf('POST', '/actions', actionBody('a2'), manager)).toBe(201);
  });

  it('given the ledger lost its tail while stopped (read models ahead of it), when the service starts, then the read models are rebuilt, a new action answers 201 then 200, and /health says why (degraded, not down)', async () => {
    await seedWithDigest();
    await start();
    await raiseAndRead('a-lost-1');
    await raiseAndRead('a-lost-2');
    await stop();
    // The last two events (both actions) vanish, as after a truncated WAL: read-model files kept.
    tamper((db) => {
      for (const row of lastRows(db, 2)) db.prepare('DELETE FROM events WHERE position = ?').run(row.position);
    });

    await start();
    await raiseAndRead('a-new');
    expect(await statusOf('GET', '/action-log/a-lost-1')).toBe(404);
    expect(await statusOf('GET', '/action-log/a1')).toBe(200);
    const health = await call('GET', '/health');
    expect(health).toMatchObject({
      status: 200,
      body: {
        parts: {
          integrity: {
            status: 'degraded',
            reason: expect.stringContaining('read models stood ahead of the ledger'),
            readModelsAhead: expect.arrayContaining([
              expect.objectContaining({ readModel: 'action-log', rebuilt: true }),
              expect.objectContaining({ readModel: 'log-tree', rebuilt: false }),
            ]),
          },
        },
      },
    });
  });

  it('given the ledger lost events the service had already verified, when it starts, then the lost tail is named and writes are refused', async () => {
    await seedWithDigest();
    await start();
    await raiseAndRead('a2');
    await stop();
    await start(); // verifies through a2 and persists that point
    expect(app!.get(IntegrityGate).health()).toMatchObject({ status: 'up' });
    await stop();
    tamper((db) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(lastRows(db, 1)[0].position);
    });

    await start();
    expect(await call('POST', '/actions', actionBody('a3'), manager)).toMatchObject({
      status: 503,
      body: {
        code: 'ledger-integrity-failed',
        detail: expect.stringContaining('the last verified event (stream action-a2, revision 0'),
      },
    });
  });

  it('given a verified point and after it a digest, when an event it covers is rewritten with a correct chain hash, then the start-up tail check names the digest by its tree root', async () => {
    await seedWithDigest();
    await start(); // verified through the seed and persisted that point (with the tree through it)
    await raiseAndRead('a2');
    expect(await statusOf('POST', '/ledger/digests', {})).toBe(201);
    await stop();
    tamper((db) => {
      const beforeDigest = lastRows(db, 2)[1];
      rewrite(db, beforeDigest, { ...JSON.parse(beforeDigest.data!), text: 'Forged text' });
    });
    await start();
    const health = (await call('GET', '/health')).body;
    expect(health.parts.integrity).toMatchObject({ status: 'down', lastCheck: { kind: 'start-up', eventsChecked: 2 } });
    expect(health.parts.integrity.reason).toMatch(
      /digest head-\d+: the tree over the log up to position \d+ has \d+ leaves and root [0-9a-f]{64}, not the \d+ and [0-9a-f]{64} signed/,
    );
    expect(await call('POST', '/actions', actionBody('a3'), manager)).toMatchObject({
      status: 503,
      body: { code: 'ledger-integrity-failed' },
    });
  });

  it('given the service running, when the ledger is edited under it, then the next periodic round fails the gate and writes are refused from then on', async () => {
    await seedWithDigest();
    await start();
    expect(await statusOf('POST', '/partners', COUNCIL)).toBe(201);
    tamper((db) => {
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        JSON.stringify({ partnerId: 'warwickshire-cc', name: 'Edited', kind: 'local-authority' }),
        lastRows(db, 1)[0].position,
      );
    });
    await app!.get(IntegrityGate).tick();
    expect(await call('POST', '/actions', actionBody('a2'), manager)).toMatchObject({
      status: 503,
      body: { code: 'ledger-integrity-failed' },
    });
  });
});
