import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';
import type { EventStore } from '../../../ledger/event-store.port';
import { CSV_FORMAT } from '../formats/csv';
import { writeLogHashes } from '../formats/log-hashes';
import { eventLeafHash, type StreamHead, toHex } from '../../../ledger/integrity/merkle';
import {
  gapNodes,
  hasHeads,
  hasTree,
  type HeadProofLine,
  withHeadsProofs,
  LOG_PROOFS_FILE,
  PackLeaves,
  proofLineText,
  type PackLogTree,
  type ProofLine,
  type TreeDigest,
} from '../formats/log-proofs';
import * as packFiles from '../formats/pack-files';
import type { BuildPack, BuildPackRequest } from './build-pack-contract';
import type { PackFileEntry, PackManifest } from '../pack-manifest';
import type { SignedDigest } from '../../../ledger/digests/signed-digest';
import { logPages } from '../read-log';
import { StreamSelector } from './select-streams';
import { renderSummaryPdf } from '../formats/summary-pdf/render-summary';
import { summaryInput } from './summary-input';
import { packTables, tableList, type PackTables } from '../formats/tables/pack-tables';

/** Printed on summary.pdf when the request does not name the partnership. */
export const DEFAULT_PARTNERSHIP = 'Safeguarding partnership';

interface Selection {
  streams: Map<string, number>;
  lastPosition: number | null;
}

/** Pass 1: which streams, up to which revision (see select-streams.ts for the rules). */
async function selectStreams(store: EventStore, request: BuildPackRequest): Promise<Selection> {
  request.onProgress?.({ phase: 'selecting', eventsWritten: 0 });
  const selector = new StreamSelector(request.scope);
  for await (const page of logPages(store)) for (const e of page) selector.observe(e);
  const streams = selector.result();
  return { streams, lastPosition: selector.lastPosition(streams) };
}

/** Writes to a ZIP entry's stream, waiting for it to drain, and hashes and counts what went in. */
class HashedSink {
  readonly stream = new PassThrough();
  private readonly hash = createHash('sha256');
  private bytes = 0;

  async write(text: string): Promise<void> {
    const buffer = Buffer.from(text, 'utf8');
    this.hash.update(buffer);
    this.bytes += buffer.length;
    if (!this.stream.write(buffer)) await new Promise((resolve) => this.stream.once('drain', resolve));
  }

  end(name: string): PackFileEntry {
    this.stream.end();
    return { name, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

interface EventsWritten {
  entry: PackFileEntry;
  count: number;
  from: number | null;
  to: number | null;
  /** With a tree digest: every written event's leaf, and each stream's last event, for log-proofs.ndjson. */
  /** Dropped once log-proofs.ndjson is written, so the tables and the summary do not carry them. */
  proof?: { leaves: PackLeaves; heads: Map<string, HeadProofLine>; allHeads: Map<string, StreamHead> };
}

/**
 * Pass 2: the selected events, one stored envelope per line in log order, streamed into the ZIP
 * and hashed on the way; the projections fold each event up to its stream's period cut as it passes.
 * An included stream's later events recorded before the pack's last period event go in too (rule 9
 * in select-streams.ts), unfolded, so the pack holds each stream whole up to positions.to; with a
 * tree digest `lastPosition` is the digest's position, so each stream goes in up to its head there.
 */
async function writeEvents(
  store: EventStore,
  request: BuildPackRequest,
  selection: Selection,
  sink: HashedSink,
  tables: PackTables,
  proving: boolean,
): Promise<EventsWritten> {
  const { streams, lastPosition } = selection;
  const leaves = new PackLeaves();
  const heads = new Map<string, HeadProofLine>();
  // Every stream's last event up to the digest (in the pack or not), for the stream-heads proofs: one entry per stream.
  const allHeads = new Map<string, StreamHead>();
  let ordinal = -1; // the event's leaf index: its 0-based place in the log, read from the start
  let count = 0;
  let from: number | null = null;
  let to: number | null = null;
  const folds = tableList(tables);
  for await (const page of logPages(store)) {
    let chunk = '';
    for (const e of page) {
      ordinal++;
      if (proving && lastPosition !== null && e.position <= lastPosition)
        allHeads.set(e.streamId, { revision: e.revision, hash: e.integrity.hash });
      const last = streams.get(e.streamId);
      if (last === undefined || (e.revision > last && (lastPosition === null || e.position > lastPosition))) continue;
      const { id, streamId, revision, position, type, schemaVersion, data, metadata, integrity } = e;
      chunk += `${JSON.stringify({ id, streamId, revision, position, type, schemaVersion, data, metadata, integrity })}\n`;
      if (e.revision <= last) for (const t of folds) t.add(e);
      if (proving) {
        leaves.add(position, ordinal, eventLeafHash(e));
        heads.set(streamId, { kind: 'head', streamId, revision, hash: integrity.hash, leafIndex: ordinal });
      }
      from ??= position;
      to = position;
      count++;
    }
    if (!chunk) continue;
    await sink.write(chunk);
    request.onProgress?.({ phase: 'events', eventsWritten: count });
  }
  return {
    entry: sink.end(packFiles.EVENTS_FILE),
    count,
    from,
    to,
    ...(proving ? { proof: { leaves, heads, allHeads } } : {}),
  };
}

/** Pass 3, when a digest covers the pack: log-hashes.txt, the whole log's hashes up to the digest. */
async function addLogHashes(
  store: EventStore,
  zip: ZipFile,
  digest: SignedDigest,
  mtime: Date,
): Promise<PackFileEntry> {
  const sink = new HashedSink();
  zip.addReadStream(sink.stream, packFiles.LOG_HASHES_FILE, { mtime });
  await writeLogHashes(store, digest, (text) => sink.write(text));
  return sink.end(packFiles.LOG_HASHES_FILE);
}

/**
 * Pass 3, with a digest that commits to the log tree: log-proofs.ndjson (see ../formats/log-proofs.ts), each
 * event's leaf, the gap nodes that prove them all against the signed root, and a head per stream
 * (with its proof in the stream-heads tree when the digest signs one); from the leaves and heads
 * pass 2 kept (32 bytes per event, one entry per stream) and a few inclusion proofs, with no log read.
 */
async function addLogProofs(
  tree: PackLogTree,
  digest: TreeDigest,
  { leaves, heads, allHeads }: NonNullable<EventsWritten['proof']>,
  zip: ZipFile,
  mtime: Date,
): Promise<PackFileEntry> {
  const nodes = await gapNodes(tree, digest, leaves);
  const proven = hasHeads(digest)
    ? withHeadsProofs(digest, allHeads, heads.values())
    : { heads: [...heads.values()], nodes: [] };
  const sink = new HashedSink();
  zip.addReadStream(sink.stream, LOG_PROOFS_FILE, { mtime });
  let chunk = '';
  const put = async (line: ProofLine) => {
    chunk += proofLineText(line);
    if (chunk.length > 64 * 1024) {
      await sink.write(chunk);
      chunk = '';
    }
  };
  for (let i = 0; i < leaves.indexes.length; i++)
    await put({
      kind: 'event',
      position: leaves.positions[i],
      leafIndex: leaves.indexes[i],
      leafHash: toHex(leaves.hashAt(i)),
    });
  for (const node of nodes) await put(node);
  for (const head of proven.heads) await put(head);
  for (const node of proven.nodes) await put(node);
  if (chunk) await sink.write(chunk);
  return sink.end(LOG_PROOFS_FILE);
}

/**
 * Which digest the pack is proven against, and how: looked up for the pack's last period event
 * before the events are written, since a tree digest widens what is written (every included stream
 * up to the digest, see ../formats/log-proofs.ts). A digest without a tree (signed before issue 12) or a
 * builder given no tree leaves the pack without a digest, unless the old log-hashes.txt is asked
 * for explicitly (bench:packs compares the two; it lists the whole log and is not the default).
 */
async function digestFor(
  request: BuildPackRequest,
  lastPosition: number | null,
): Promise<{ digest?: SignedDigest; proofs?: { tree: PackLogTree; digest: TreeDigest } }> {
  const digest =
    lastPosition !== null && request.digestCovering ? await request.digestCovering(lastPosition) : undefined;
  if (!digest) return {};
  if (request.logEvidence === 'log-hashes') return { digest };
  if (hasTree(digest) && request.logTree) return { digest, proofs: { tree: request.logTree, digest } };
  return {};
}

/**
 * Builds an evidence pack as a ZIP streamed to `out`: events.ndjson, log-proofs.ndjson (when a signed
 * digest with a log tree covers the pack), the CSVs, summary.pdf and, last, manifest.json. Memory holds one page of the log, the per-stream selection facts, and the
 * projected documents of the records in scope, never the log itself.
 */
export const buildPack: BuildPack = async (store, request, out) => {
  const selection = await selectStreams(store, request);
  const mtime = new Date(request.generatedAt);
  const zip = new ZipFile();
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject);
  });
  zip.outputStream.pipe(out);
  const sink = new HashedSink();
  zip.addReadStream(sink.stream, packFiles.EVENTS_FILE, { mtime });
  const tables = packTables(request.scope.to);
  const { digest, proofs } = await digestFor(request, selection.lastPosition);
  // With proofs, every included stream goes in up to the digest (its head there), not only up to the last period event.
  const upTo = proofs ? { ...selection, lastPosition: proofs.digest.position } : selection;
  const events = await writeEvents(store, request, upTo, sink, tables, proofs !== undefined);
  const files: PackFileEntry[] = [events.entry];

  if (proofs) {
    request.onProgress?.({ phase: 'log-proofs', eventsWritten: events.count });
    files.push(await addLogProofs(proofs.tree, proofs.digest, events.proof!, zip, mtime));
    delete events.proof;
  } else if (digest) {
    request.onProgress?.({ phase: 'log-hashes', eventsWritten: events.count });
    files.push(await addLogHashes(store, zip, digest, mtime));
  }

  request.onProgress?.({ phase: 'tables', eventsWritten: events.count });
  for (const table of tableList(tables)) {
    const csv = Buffer.from(table.csv(CSV_FORMAT), 'utf8');
    zip.addBuffer(csv, table.file, { mtime });
    files.push({ name: table.file, sha256: packFiles.sha256(csv), bytes: csv.length });
  }
  const dataRootHash = packFiles.rootHashOf(files.filter((f) => packFiles.DATA_FILES.includes(f.name)));

  request.onProgress?.({ phase: 'summary', eventsWritten: events.count });
  const pdf = await renderSummaryPdf(
    summaryInput(tables, {
      title: `Evidence pack ${request.packId}`,
      partnership: request.partnership ?? DEFAULT_PARTNERSHIP,
      scope: request.scope,
      generatedAt: request.generatedAt,
      rootHash: dataRootHash,
      eventCount: events.count,
      streamCount: selection.streams.size,
    }),
  );
  zip.addBuffer(pdf, packFiles.SUMMARY_FILE, { mtime });
  files.push({ name: packFiles.SUMMARY_FILE, sha256: packFiles.sha256(pdf), bytes: pdf.length });

  request.onProgress?.({ phase: 'manifest', eventsWritten: events.count });
  const manifest: PackManifest = {
    packId: request.packId,
    scope: request.scope,
    generatedAt: request.generatedAt,
    requestedBy: request.requestedBy,
    positions: { from: events.from, to: events.to },
    // Once per projection: meetings.csv, attendance.csv and attendance-register.csv come from the same one.
    projections: [...new Map(tableList(tables).map((t) => [t.projection.name, t.projection])).values()],
    csvFormat: CSV_FORMAT,
    files,
    rootHash: packFiles.rootHashOf(files),
    dataRootHash,
    ...(digest ? { digest } : {}),
  };
  manifest.manifestHash = packFiles.manifestHashOf(manifest);
  zip.addBuffer(Buffer.from(packFiles.manifestText(manifest), 'utf8'), packFiles.MANIFEST_FILE, { mtime });
  zip.end();
  await finished;
  request.onProgress?.({ phase: 'done', eventsWritten: events.count });
  return manifest;
};
