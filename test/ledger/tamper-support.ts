import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { CommandRunner } from '../../src/ledger/command-runner';
import {
  RecordLedgerDigestCommand,
  RecordLedgerDigestHandler,
} from '../../src/ledger/digests/commands/record-ledger-digest/record-ledger-digest';
import { LogHeadDigester } from '../../src/ledger/digests/log-head-digester';
import type { SigningKey } from '../../src/ledger/digests/signing-key';
import { hashEvent } from '../../src/ledger/integrity/hash-chain';
import { LogTreeFollower } from '../../src/ledger/log-tree/log-tree-follower';
import { LogTreeStore } from '../../src/ledger/log-tree/log-tree-store';
import { runVerifyStore } from '../../src/ledger/integrity/verify-store-cli';
import type { LedgerReport } from '../../src/ledger/integrity/verify-store-problems';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { ManualClock } from '../../src/shared/clock';
import { newEvents } from '../support/events';

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string | null;
  metadata: string;
  prev_hash: string;
  hash: string;
}

const ADMIN = { userId: 'sam-admin', role: 'admin', agency: 'warwickshire-safeguarding' };

/** A fresh Ed25519 pair: the partnership's digest key, its public half published. */
export function makeKey(): SigningKey & { publicKeyPem: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * A ledger written through the service's own code: events appended by SqliteEventStore, digests
 * signed by LogHeadDigester and recorded by the record-ledger-digest handler through the
 * CommandRunner, exactly as POST /ledger/digests does. The file is closed (service stopped)
 * between steps unless a step says otherwise.
 */
export class TamperLedger {
  readonly dir = mkdtempSync(join(tmpdir(), 'tamper-suite-'));
  readonly file = join(this.dir, 'ledger.sqlite');
  readonly key = makeKey();
  readonly clock = new ManualClock(new Date('2023-03-01T10:00:00Z'));
  store!: SqliteEventStore;
  private treeStore!: LogTreeStore;
  private follower!: LogTreeFollower;
  private digester!: LogHeadDigester;

  constructor() {
    this.start();
  }

  /** The service's pieces over the data directory: the ledger, the log-tree follower and its file, the digester. */
  private start(): void {
    this.store = new SqliteEventStore({ file: this.file }, this.clock);
    this.treeStore = new LogTreeStore(join(this.dir, 'log-tree.sqlite'));
    this.follower = new LogTreeFollower(this.store, this.treeStore);
    this.follower.start();
    this.digester = new LogHeadDigester(this.store, this.clock, this.key, this.follower);
  }

  async append(streamId: string, count: number, type = 'test-happened'): Promise<void> {
    const tail = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    await this.store.append(streamId, newEvents(count, type), tail.length === 0 ? 'no_stream' : tail[0].revision);
  }

  /** Records a digest of the head as an admin would, and returns it as published (the JSON a website would carry). */
  async recordDigest(): Promise<SignedDigest> {
    this.clock.advance(60_000);
    const handler = new RecordLedgerDigestHandler(new CommandRunner(this.store, this.clock), this.digester);
    const result = await handler.execute(
      new RecordLedgerDigestCommand({ actor: ADMIN, correlationId: 'tamper-suite' }),
    );
    const [event] = await this.store.readStream(result.streamId);
    return event.data as SignedDigest;
  }

  /** Stops the "service" once its log tree has taken every event; the last connection checkpoints the WAL into the file. */
  async stop(): Promise<void> {
    await this.follower.head();
    await this.follower.stop();
    this.treeStore.close();
    await this.store.close();
  }

  async restart(): Promise<void> {
    this.start();
  }

  /** A copy of the ledger file as it is now (the service stopped): an old backup. */
  backup(name: string): string {
    const to = join(this.dir, name);
    copyFileSync(this.file, to);
    return to;
  }

  /** What an operator copying the data directory of a running service gets: the file and its WAL. */
  copyWithWal(name: string): { file: string; wal: string } {
    const to = join(this.dir, name);
    copyFileSync(this.file, to);
    copyFileSync(`${this.file}-wal`, `${to}-wal`);
    return { file: to, wal: `${to}-wal` };
  }

  publish(digest: SignedDigest, name = 'published.json'): { digestFile: string; keyFile: string } {
    const digestFile = join(this.dir, name);
    const keyFile = join(this.dir, 'partnership.pub.pem');
    writeFileSync(digestFile, JSON.stringify(digest, null, 2));
    writeFileSync(keyFile, this.key.publicKeyPem);
    return { digestFile, keyFile };
  }

  /** Edits the stopped ledger through its own connection, as someone with a sqlite3 shell would. */
  tamper(edit: TamperEdit, file = this.file): void {
    tamperFile(file, edit);
  }

  rows(file = this.file): EventRow[] {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT * FROM events ORDER BY position').all() as EventRow[];
    } finally {
      db.close();
    }
  }

  async verify(
    args: string[] = [],
    file = this.file,
  ): Promise<{ code: number; report: LedgerReport & { verdict: string }; stderr: string }> {
    let out = '';
    let stderr = '';
    const code = await runVerifyStore([file, ...args], {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        stderr += t;
      },
    });
    return { code, report: out ? JSON.parse(out) : undefined, stderr };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An edit in one transaction; `row` reads an event row by stream and revision. */
export type TamperEdit = (db: Database.Database, row: (streamId: string, revision: number) => EventRow) => void;

/** Edits a ledger file (its service stopped) through its own connection, as someone with a sqlite3 shell would. */
export function tamperFile(file: string, edit: TamperEdit): void {
  const db = new Database(file);
  const row = (s: string, r: number) =>
    db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision = ?').get(s, r) as EventRow;
  try {
    db.transaction(() => edit(db, row))();
  } finally {
    db.close();
  }
}

/** Adds 1 to `column` for the matching rows without tripping its uniqueness halfway (via negatives). */
export function shiftUp(
  db: Database.Database,
  column: 'position' | 'revision',
  where: string,
  ...params: unknown[]
): void {
  db.prepare(`UPDATE events SET ${column} = -(${column} + 1) WHERE ${where}`).run(...params);
  db.prepare(`UPDATE events SET ${column} = -${column} WHERE ${column} < 0`).run();
}

/** A self-consistent event chained onto `before` at `position`: the best an attacker without the signing key can do. */
export function insertChained(
  db: Database.Database,
  before: EventRow,
  position: number,
  data: unknown = { approved: true },
  id = 'forged-1',
): void {
  const content = {
    id,
    streamId: before.stream_id,
    revision: before.revision + 1,
    type: 'decision-recorded',
    schemaVersion: 1,
    data,
    metadata: JSON.parse(before.metadata),
  };
  db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    position,
    content.streamId,
    content.revision,
    content.id,
    content.type,
    1,
    JSON.stringify(data),
    before.metadata,
    before.hash,
    hashEvent(content, before.hash),
  );
}

/** Rewrites one event's data and recomputes its hash and every later hash of its stream, as an attacker who knows the scheme can. */
export function rewriteAndRechain(db: Database.Database, streamId: string, fromRevision: number, data: unknown): void {
  const rows = db
    .prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision')
    .all(streamId, fromRevision) as EventRow[];
  let prev = rows[0].prev_hash;
  for (const [i, r] of rows.entries()) {
    const content = {
      id: r.event_id,
      streamId,
      revision: r.revision,
      type: r.type,
      schemaVersion: r.schema_version,
      data: i === 0 ? data : r.data === null ? undefined : JSON.parse(r.data),
      metadata: JSON.parse(r.metadata),
    };
    const hash = hashEvent(content, prev);
    db.prepare('UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = ?').run(
      JSON.stringify(content.data),
      prev,
      hash,
      r.position,
    );
    prev = hash;
  }
}

/** Cuts a WAL file to keep only its first `frames` frames (header 32 bytes, each frame 24 + page size). */
export function cutWal(wal: string, frames: number): { framesBefore: number } {
  const header = readFileSync(wal).subarray(0, 32);
  const pageSize = header.readUInt32BE(8);
  const frameSize = 24 + pageSize;
  const framesBefore = Math.floor((statSync(wal).size - 32) / frameSize);
  truncateSync(wal, 32 + frames * frameSize);
  return { framesBefore };
}

export const walExists = (file: string) => existsSync(`${file}-wal`);
