import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { buildPack } from '../../../src/evidence/pack/build/build-pack';
import {
  DATA_FILES,
  MANIFEST_FILE,
  manifestHashOf,
  manifestText,
  rootHashOf,
  sha256,
} from '../../../src/evidence/pack/formats/pack-files';
import type { BuildPackRequest } from '../../../src/evidence/pack/build/build-pack-contract';
import type { PackManifest } from '../../../src/evidence/pack/pack-manifest';
import type { PackScope } from '../../../src/evidence/domain/pack-scope';
import type { EventStore } from '../../../src/ledger/event-store.port';
import { openZip, readEntryText } from '../../../src/evidence/pack/verify/zip-reader';

export const inspector = { userId: 'hmi-lead', role: 'inspector', agency: 'ofsted' };

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-pack-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The year 2022, every board, partner and theme, and every kind of record a pack can hold. */
export const YEAR_2022: PackScope = {
  from: '2022-01-01',
  to: '2022-12-31',
  boardIds: [],
  partnerIds: [],
  themes: [],
  records: ['decisions', 'actions', 'escalations', 'funding'],
};

/** The financial year 2022-23 (April to March), every board, partner and theme, and every kind of record. */
export const FINANCIAL_YEAR_2022_23: PackScope = { ...YEAR_2022, from: '2022-04-01', to: '2023-03-31' };

/**
 * What a pack holds, in the order it is written: spelt out here rather than taken from the builder's
 * own list (src/evidence/pack/formats/pack-files.ts), so a file the builder drops, adds or reorders
 * fails the specs that compare with it.
 */
export const EXPECTED_PACK_FILES = [
  'events.ndjson',
  // The CSV tables, in the order the builder writes them.
  ...`action-log escalations decisions funding meetings attendance attendance-register case-reviews inspections
     thematic-reviews multi-agency-audits risks forward-plan spending`
    .split(/\s+/)
    .map((table) => `${table}.csv`),
  'summary.pdf',
  'manifest.json',
];
/** The CSV tables among them, sorted by name. */
export const EXPECTED_CSV_FILES = EXPECTED_PACK_FILES.filter((name) => name.endsWith('.csv')).sort();

export function request(scope: Partial<PackScope> = {}, extra: Partial<BuildPackRequest> = {}): BuildPackRequest {
  return {
    packId: 'jtai-2022',
    generatedAt: '2022-11-21T12:00:00.000Z',
    requestedBy: inspector,
    scope: { ...YEAR_2022, ...scope },
    ...extra,
  };
}

/** Builds a pack into a file, as the pack job does. */
export async function buildToFile(store: EventStore, req: BuildPackRequest, file: string): Promise<PackManifest> {
  return buildPack(store, req, createWriteStream(file));
}

/** Every file of a ZIP, by name, in ZIP order. */
export async function unzip(file: string): Promise<Map<string, Buffer>> {
  const c = await openZip(file);
  try {
    const out = new Map<string, Buffer>();
    for (const [name, entry] of c.entries) out.set(name, await readEntryText(c.zip, entry, 2 ** 30));
    return out;
  } finally {
    c.zip.close();
  }
}

/** Writes files back into a new ZIP, as an attacker re-zipping an edited pack would. */
export async function zipTo(file: string, files: Map<string, Buffer>): Promise<void> {
  const zip = new ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    zip.outputStream.pipe(out);
  });
  for (const [name, data] of files) zip.addBuffer(data, name);
  zip.end();
  await done;
}

/**
 * The attacker's next step: `change` edits the manifest or the files (a file deleted from them leaves
 * the manifest too), then every file hash, both root hashes and the manifest hash are recomputed.
 * Returns a new map; `files` is not changed.
 */
export function withRecomputedManifest(
  files: Map<string, Buffer>,
  change: (manifest: PackManifest, files: Map<string, Buffer>) => void = () => {},
): Map<string, Buffer> {
  const out = new Map(files);
  const manifest = JSON.parse(out.get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
  change(manifest, out);
  manifest.files = manifest.files
    .filter((f) => out.has(f.name))
    .map((f) => ({ name: f.name, sha256: sha256(out.get(f.name)!), bytes: out.get(f.name)!.length }));
  manifest.rootHash = rootHashOf(manifest.files);
  // Exactly what the builder covers: events and CSVs (not the PDF, nor log-hashes.txt).
  manifest.dataRootHash = rootHashOf(manifest.files.filter((f) => DATA_FILES.includes(f.name)));
  manifest.manifestHash = manifestHashOf(manifest);
  out.set(MANIFEST_FILE, Buffer.from(manifestText(manifest), 'utf8'));
  return out;
}

/** Flips one byte (at a chosen offset) of one file. */
export function flipByte(data: Buffer, at: number): Buffer {
  const copy = Buffer.from(data);
  copy[at] = copy[at] === 0x31 ? 0x32 : 0x31; // '1' <-> '2', or anything -> '1'
  return copy;
}

export const readText = (file: string) => readFile(file, 'utf8');
