/**
 * The log-level Merkle tree's own cost, outside any engine (issue 12): what an engine adds per
 * append when it keeps the RFC 9162 tree at append time, and what it stores.
 *   npm run build && node --expose-gc dist/bench/merkle.bench.js     (LEAVES env var resizes it)
 * Phases, each timed alone: leaf hashes of synthetic events (eventLeafHash); CompactRange.append
 * (the peaks only: enough to sign roots); append keeping every completed node in memory (what
 * serves proofs); the root after every append (a digest could be signed at any size); the same
 * nodes written to a SQLite table (level, idx) -> hash, 1,000 per transaction, for bytes on disk;
 * keeping every level, levels >= 1 (leaf hashes recomputed from the events) or >= 4; and proofs
 * served from each. Not part of npm test: it measures, it asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompactRange,
  eventLeafHash,
  MemoryNodeStore,
  type NodeId,
  proveConsistency,
  proveInclusion,
  readNodesAbove,
  rootAt,
  verifyInclusion,
} from '../src/ledger/integrity/merkle';

const LEAVES = Number(process.env.LEAVES ?? 1_000_000);
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const report = (what: string, took: number, per = LEAVES) =>
  console.log(`${what.padEnd(58)} ${fmt(took).padStart(9)} ms  ${fmt((took * 1000) / per).padStart(7)} us each`);

function main(): void {
  console.log(`Merkle tree bench: ${fmt(LEAVES)} leaves, node ${process.version}`);
  let t = process.hrtime.bigint();
  const leaves = new Array<Buffer>(LEAVES);
  for (let i = 0; i < LEAVES; i++) {
    leaves[i] = eventLeafHash({
      streamId: `action-${i % 5000}`,
      revision: Math.floor(i / 5000),
      integrity: { hash: (i % 16).toString(16).repeat(64) },
    });
  }
  report('leaf hashes (eventLeafHash)', ms(t));

  t = process.hrtime.bigint();
  const peaksOnly = CompactRange.empty();
  for (const leaf of leaves) peaksOnly.append(leaf);
  const root = peaksOnly.root();
  report('CompactRange.append, peaks only', ms(t));

  t = process.hrtime.bigint();
  const store = new MemoryNodeStore();
  const tree = CompactRange.empty();
  for (const leaf of leaves) store.put(tree.append(leaf));
  report('CompactRange.append + keep every completed node (memory)', ms(t));

  t = process.hrtime.bigint();
  const rooted = CompactRange.empty();
  for (const leaf of leaves) {
    rooted.append(leaf);
    rooted.root();
  }
  report('CompactRange.append + root() after every append', ms(t));

  const state = JSON.stringify(tree.state());
  console.log(
    `roots agree: ${root.equals(tree.root()) && root.equals(rootAt(store.read, LEAVES))}; state to persist: ${state.length} bytes (${tree.state().peaks.length} peaks)`,
  );
  console.log(
    `complete nodes kept: ${fmt(store.nodeCount)} = ${fmt(store.nodeCount / LEAVES)} per leaf, ${fmt((store.nodeCount * 32) / LEAVES)} hash bytes per leaf`,
  );

  for (const minLevel of [0, 1, 4]) sqliteVariant(minLevel, leaves, root);
}

/** Nodes of level >= minLevel in a SQLite table; lower ones rebuilt from leaf hashes (here from memory, standing in for event rows). */
function sqliteVariant(minLevel: number, leaves: readonly Buffer[], root: Buffer): void {
  const dir = mkdtempSync(join(tmpdir(), 'merkle-bench-'));
  try {
    const db = new Database(join(dir, 'nodes.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE merkle_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID',
    );
    const insert = db.prepare('INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)');
    const batch = db.transaction((from: number, to: number, range: CompactRange) => {
      for (let i = from; i < to; i++)
        for (const n of range.append(leaves[i])) if (n.level >= minLevel) insert.run(n.level, n.index, n.hash);
    });
    let t = process.hrtime.bigint();
    const disk = CompactRange.empty();
    for (let i = 0; i < LEAVES; i += 1000) batch(i, Math.min(LEAVES, i + 1000), disk);
    db.pragma('wal_checkpoint(TRUNCATE)');
    report(`levels >= ${minLevel}: append + INSERT into SQLite, 1,000 per commit`, ms(t));
    const bytes = statSync(join(dir, 'nodes.db')).size;
    const rows = db.prepare('SELECT count(*) FROM merkle_nodes').pluck().get() as number;
    console.log(
      `levels >= ${minLevel}: ${fmt(rows)} rows, ${fmt(bytes / 2 ** 20)} MiB, ${fmt(bytes / LEAVES)} bytes per leaf (WITHOUT ROWID, (level, idx) key)`,
    );
    const select = db.prepare('SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?').pluck();
    const readDb = readNodesAbove(
      minLevel,
      (ids: readonly NodeId[]) => ids.map(({ level, index }) => select.get(level, index) as Buffer | undefined),
      (from, to) => leaves.slice(from, to),
    );
    const PROOFS = 10_000;
    t = process.hrtime.bigint();
    let ok = 0;
    for (let k = 0; k < PROOFS; k++) {
      const index = (k * 7919) % LEAVES;
      ok += verifyInclusion({
        leafHash: leaves[index],
        index,
        size: LEAVES,
        proof: proveInclusion(readDb, index, LEAVES),
        root,
      })
        ? 1
        : 0;
    }
    report(`levels >= ${minLevel}: inclusion proof + verify (${ok}/${PROOFS} ok)`, ms(t), PROOFS);
    t = process.hrtime.bigint();
    for (let k = 1; k <= 1000; k++) proveConsistency(readDb, Math.floor((k * LEAVES) / 1001), LEAVES);
    report(`levels >= ${minLevel}: consistency proof`, ms(t), 1000);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
