import { createHash } from 'node:crypto';
import { csvFormatOf, formulaWarnings } from './check-csv-format';
import { checkDigest } from './check-digest';
import { checkPublishedDigest, type PublishedDigestCheck } from './check-published-digest';
import { LogHashesChecker, logEvidencePresence, PackEventIndex } from './check-log-hashes';
import { LogProofsChecker } from './check-log-proofs';
import { hasTree, LOG_PROOFS_FILE } from '../formats/log-proofs';
import { compareCsv } from './compare-csv';
import { LEGACY_CSV_FORMAT } from '../formats/csv';
import {
  CSV_FILES,
  DATA_FILES,
  EVENTS_FILE,
  LOG_HASHES_FILE,
  MANIFEST_FILE,
  manifestHashOf,
  manifestText,
  rootHashOf,
  sha256,
} from '../formats/pack-files';
import type { PackProblem } from './pack-problem';
import type { PackManifest } from '../pack-manifest';
import { readLines } from './read-lines';
import { packTables, tableList } from '../formats/tables/pack-tables';
import { checkEvents } from './verify-events';
import { openZip, readEntry, readEntryText, type ZipContents } from './zip-reader';

export interface PackVerification {
  ok: boolean;
  problems: PackProblem[];
  /** Limits of what could be proven, which do not make the pack invalid (e.g. no pinned signer). */
  warnings: string[];
  manifest?: PackManifest;
  eventsChecked: number;
}

export interface VerifyOptions {
  /** The partnership's published public key (SPKI PEM): the digest must be signed by it. */
  publicKeyPem?: string;
  /** A digest the partnership published: the pack's digest must be it, or be joined to it by a consistency proof (check-published-digest.ts). Needs publicKeyPem. */
  published?: PublishedDigestCheck;
}

const MAX_SMALL_FILE = 256 * 2 ** 20;

/** The manifest checked against itself: canonical text, its own hash, and both root hashes over its file list. */
function checkManifest(text: string): { manifest?: PackManifest; problems: PackProblem[] } {
  let manifest: PackManifest;
  try {
    manifest = JSON.parse(text) as PackManifest;
  } catch {
    return { problems: [{ file: MANIFEST_FILE, message: 'not valid JSON' }] };
  }
  if (!Array.isArray(manifest?.files) || !manifest.scope || !manifest.positions)
    return { problems: [{ file: MANIFEST_FILE, message: 'not a pack manifest (files, scope or positions missing)' }] };
  const problems: PackProblem[] = [];
  if (manifestText(manifest) !== text)
    problems.push({
      file: MANIFEST_FILE,
      message: 'is not in the canonical form the builder writes (keys sorted, two-space indent): it was edited',
    });
  if (manifest.manifestHash !== manifestHashOf(manifest))
    problems.push({
      file: MANIFEST_FILE,
      message: `manifestHash ${manifest.manifestHash} does not match its content (${manifestHashOf(manifest)})`,
    });
  if (manifest.rootHash !== rootHashOf(manifest.files))
    problems.push({
      file: MANIFEST_FILE,
      message: `rootHash ${manifest.rootHash} does not match the files listed (${rootHashOf(manifest.files)})`,
    });
  const data = manifest.files.filter((f) => DATA_FILES.includes(f.name));
  if (manifest.dataRootHash !== undefined && manifest.dataRootHash !== rootHashOf(data))
    problems.push({
      file: MANIFEST_FILE,
      message: `dataRootHash does not match the data files listed (${rootHashOf(data)})`,
    });
  return { manifest, problems };
}

/**
 * Verifies an evidence pack offline, with no server: the manifest against itself, every file's
 * SHA-256 and size against the manifest, files the manifest does not list, events.ndjson (envelopes,
 * positions, revisions from 0 without gaps, hash chains), each CSV recomputed from events.ndjson with
 * the builder's own pure functions, and the signed digest if there is one: its signature (by the
 * published key when given), and the pack's events against it: log-proofs.ndjson (an inclusion
 * proof per event and a head per stream against its treeRoot, each head against its streamHeadsRoot
 * when it signs one) or, in packs built before issue 12,
 * log-hashes.txt against its logHash, so a stream rewritten with its chain recomputed, or cut
 * short, shows. Lists every problem found.
 */
export async function verifyPack(zipPath: string, options: VerifyOptions = {}): Promise<PackVerification> {
  let c: ZipContents;
  try {
    c = await openZip(zipPath);
  } catch (err) {
    return {
      ok: false,
      problems: [{ file: zipPath, message: `is not a readable ZIP: ${(err as Error).message}` }],
      warnings: [],
      eventsChecked: 0,
    };
  }
  try {
    return await verifyContents(c, options);
  } catch (err) {
    // A file that cannot be inflated (a corrupt or truncated entry) is a problem with the pack, not a crash.
    return {
      ok: false,
      problems: [{ file: zipPath, message: `could not be read to the end: ${(err as Error).message}` }],
      warnings: [],
      eventsChecked: 0,
    };
  } finally {
    c.zip.close();
  }
}

async function verifyContents(c: ZipContents, options: VerifyOptions): Promise<PackVerification> {
  const problems: PackProblem[] = c.duplicates.map((name) => ({
    file: name,
    message: 'appears more than once in the ZIP',
  }));
  const manifestEntry = c.entries.get(MANIFEST_FILE);
  if (!manifestEntry)
    return {
      ok: false,
      problems: [...problems, { file: MANIFEST_FILE, message: 'missing' }],
      warnings: [],
      eventsChecked: 0,
    };
  const checked = checkManifest((await readEntryText(c.zip, manifestEntry, MAX_SMALL_FILE)).toString('utf8'));
  problems.push(...checked.problems);
  const manifest = checked.manifest;
  if (!manifest) return { ok: false, problems, warnings: [], eventsChecked: 0 };
  const listed = new Map(manifest.files.map((f) => [f.name, f]));
  for (const name of c.entries.keys())
    if (name !== MANIFEST_FILE && !listed.has(name))
      problems.push({ file: name, message: 'is in the pack but not listed in the manifest' });
  for (const name of listed.keys())
    if (!c.entries.has(name))
      problems.push({ file: name, message: 'is listed in the manifest but missing from the pack' });
  const against = (name: string, actual: { sha256: string; bytes: number }) => {
    const f = listed.get(name);
    if (f && f.sha256 !== actual.sha256)
      problems.push({ file: name, message: `SHA-256 ${actual.sha256} does not match the manifest's ${f.sha256}` });
    if (f && f.bytes !== actual.bytes)
      problems.push({ file: name, message: `${actual.bytes} bytes, the manifest says ${f.bytes}` });
  };

  let tables = packTables(manifest.scope.to);
  let index = new PackEventIndex();
  let eventsChecked = 0;
  const eventsEntry = c.entries.get(EVENTS_FILE);
  if (eventsEntry) {
    const events = await checkEvents(c.zip, eventsEntry, manifest.scope.to);
    ({ tables, index } = events);
    against(EVENTS_FILE, events);
    problems.push(...events.checker.problems);
    eventsChecked = events.checker.count;
    if (events.checker.first !== manifest.positions.from || events.checker.last !== manifest.positions.to) {
      problems.push({
        file: MANIFEST_FILE,
        message: `positions ${manifest.positions.from}..${manifest.positions.to} do not match events.ndjson (${events.checker.first}..${events.checker.last})`,
      });
    }
  }
  const csv = csvFormatOf(manifest);
  problems.push(...csv.problems);
  for (const table of tableList(tables)) {
    const entry = c.entries.get(table.file);
    // A table the pack's format carries, gone from the pack and its manifest alike, was taken out.
    if (!entry && !listed.has(table.file) && csv.format >= (table.since ?? LEGACY_CSV_FORMAT))
      problems.push({ file: table.file, message: `missing: every csvFormat ${csv.format} pack carries it` });
    if (!entry) continue;
    const bytes = await readEntryText(c.zip, entry, MAX_SMALL_FILE);
    against(table.file, { sha256: sha256(bytes), bytes: bytes.length });
    problems.push(...compareCsv(table.file, table.csv(csv.format), bytes.toString('utf8')));
  }
  const logHashesEntry = c.entries.get(LOG_HASHES_FILE);
  const logProofsEntry = c.entries.get(LOG_PROOFS_FILE);
  const digest = manifest.digest;
  problems.push(...logEvidencePresence(digest, logHashesEntry !== undefined, logProofsEntry !== undefined));
  if (logHashesEntry && digest) {
    const log = new LogHashesChecker(index, manifest.positions.to);
    against(LOG_HASHES_FILE, await readLines(c.zip, logHashesEntry, (line) => log.checkLine(line)));
    problems.push(...log.finish(digest));
  }
  if (logProofsEntry && hasTree(digest)) {
    const proofs = new LogProofsChecker(index, digest);
    against(LOG_PROOFS_FILE, await readLines(c.zip, logProofsEntry, (line) => proofs.checkLine(line)));
    problems.push(...proofs.finish());
  }
  const checkedAbove = new Set<string>([
    MANIFEST_FILE,
    EVENTS_FILE,
    ...CSV_FILES,
    ...(digest ? [LOG_HASHES_FILE] : []),
    ...(hasTree(digest) ? [LOG_PROOFS_FILE] : []),
  ]);
  for (const [name, entry] of c.entries) {
    if (checkedAbove.has(name)) continue;
    const hash = createHash('sha256');
    let bytes = 0;
    await readEntry(c.zip, entry, (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    against(name, { sha256: hash.digest('hex'), bytes });
  }
  const signed = checkDigest(manifest, options.publicKeyPem);
  problems.push(...signed.problems);
  if (options.published) {
    if (options.publicKeyPem === undefined)
      problems.push({
        file: MANIFEST_FILE,
        message: 'a published digest was given without the published public key that pins who signed it',
      });
    else problems.push(...checkPublishedDigest(manifest.digest, options.published, options.publicKeyPem));
  }
  const warnings = [
    ...formulaWarnings(
      tableList(tables).filter((t) => c.entries.has(t.file)),
      csv.format,
    ),
    ...signed.warnings,
  ];
  return { ok: problems.length === 0, problems, warnings, manifest, eventsChecked };
}
