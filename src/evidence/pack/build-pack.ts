import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';
import type { EventStore } from '../../ledger/event-store.port';
import { DATA_FILES, EVENTS_FILE, MANIFEST_FILE, manifestHashOf, manifestText, rootHashOf, sha256, SUMMARY_FILE } from './pack-files';
import type { BuildPack, BuildPackRequest, PackFileEntry, PackManifest } from './pack-types';
import { logPages } from './read-log';
import { StreamSelector } from './select-streams';
import { renderSummaryPdf } from './summary-pdf/render-summary';
import { summaryInput } from './summary-input';
import { packTables, tableList, type PackTables } from './tables/pack-tables';

/** Printed on summary.pdf when the request does not name the partnership. */
export const DEFAULT_PARTNERSHIP = 'Safeguarding partnership';

/** Pass 1: which streams, up to which revision (see select-streams.ts for the rules). */
async function selectStreams(store: EventStore, request: BuildPackRequest): Promise<Map<string, number>> {
  request.onProgress?.({ phase: 'selecting', eventsWritten: 0 });
  const selector = new StreamSelector(request.scope);
  for await (const page of logPages(store)) for (const e of page) selector.observe(e);
  return selector.result();
}

interface EventsWritten { entry: PackFileEntry; count: number; from: number | null; to: number | null }

/**
 * Pass 2: the selected events, one stored envelope per line in log order, streamed into the ZIP
 * and hashed on the way; the projections fold each event as it passes. Waits for the ZIP to drain.
 */
async function writeEvents(store: EventStore, request: BuildPackRequest, streams: Map<string, number>, sink: PassThrough, tables: PackTables): Promise<EventsWritten> {
  const hash = createHash('sha256');
  let bytes = 0;
  let count = 0;
  let from: number | null = null;
  let to: number | null = null;
  const folds = tableList(tables);
  for await (const page of logPages(store)) {
    let chunk = '';
    for (const e of page) {
      const last = streams.get(e.streamId);
      if (last === undefined || e.revision > last) continue;
      const { id, streamId, revision, position, type, schemaVersion, data, metadata, integrity } = e;
      chunk += `${JSON.stringify({ id, streamId, revision, position, type, schemaVersion, data, metadata, integrity })}\n`;
      for (const t of folds) t.add(e);
      from ??= position;
      to = position;
      count++;
    }
    if (!chunk) continue;
    const buffer = Buffer.from(chunk, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    if (!sink.write(buffer)) await new Promise((resolve) => sink.once('drain', resolve));
    request.onProgress?.({ phase: 'events', eventsWritten: count });
  }
  sink.end();
  return { entry: { name: EVENTS_FILE, sha256: hash.digest('hex'), bytes }, count, from, to };
}

/**
 * Builds an evidence pack as a ZIP streamed to `out`: events.ndjson, the four CSVs, summary.pdf and,
 * last, manifest.json. Memory holds one page of the log, the per-stream selection facts, and the
 * projected documents of the records in scope, never the log itself.
 */
export const buildPack: BuildPack = async (store, request, out) => {
  const streams = await selectStreams(store, request);
  const mtime = new Date(request.generatedAt);
  const zip = new ZipFile();
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject);
  });
  zip.outputStream.pipe(out);
  const sink = new PassThrough();
  zip.addReadStream(sink, EVENTS_FILE, { mtime });
  const tables = packTables(request.scope.to);
  const events = await writeEvents(store, request, streams, sink, tables);

  request.onProgress?.({ phase: 'tables', eventsWritten: events.count });
  const files: PackFileEntry[] = [events.entry];
  for (const table of tableList(tables)) {
    const csv = Buffer.from(table.csv(), 'utf8');
    zip.addBuffer(csv, table.file, { mtime });
    files.push({ name: table.file, sha256: sha256(csv), bytes: csv.length });
  }
  const dataRootHash = rootHashOf(files.filter((f) => DATA_FILES.includes(f.name)));

  request.onProgress?.({ phase: 'summary', eventsWritten: events.count });
  const pdf = await renderSummaryPdf(summaryInput(tables, {
    title: `Evidence pack ${request.packId}`, partnership: request.partnership ?? DEFAULT_PARTNERSHIP, scope: request.scope, generatedAt: request.generatedAt,
    rootHash: dataRootHash, eventCount: events.count, streamCount: streams.size,
  }));
  zip.addBuffer(pdf, SUMMARY_FILE, { mtime });
  files.push({ name: SUMMARY_FILE, sha256: sha256(pdf), bytes: pdf.length });

  request.onProgress?.({ phase: 'manifest', eventsWritten: events.count });
  const digest = events.to !== null && request.digestCovering ? await request.digestCovering(events.to) : undefined;
  const manifest: PackManifest = {
    packId: request.packId, scope: request.scope, generatedAt: request.generatedAt, requestedBy: request.requestedBy,
    positions: { from: events.from, to: events.to },
    projections: tableList(tables).map((t) => t.projection),
    files, rootHash: rootHashOf(files), dataRootHash, ...(digest ? { digest } : {}),
  };
  manifest.manifestHash = manifestHashOf(manifest);
  zip.addBuffer(Buffer.from(manifestText(manifest), 'utf8'), MANIFEST_FILE, { mtime });
  zip.end();
  await finished;
  request.onProgress?.({ phase: 'done', eventsWritten: events.count });
  return manifest;
};

