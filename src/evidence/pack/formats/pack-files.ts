import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../ledger/integrity/canonical-json';
import type { PackFileEntry, PackManifest } from '../pack-manifest';

/** The files of a pack, in the order they are written (manifest.json last). */
export const EVENTS_FILE = 'events.ndjson';
export const SUMMARY_FILE = 'summary.pdf';
/** Packs built before issue 12 with a signed digest: the whole log's hashes up to it (see log-hashes.ts); new packs carry log-proofs.ndjson (log-proofs.ts). */
export const LOG_HASHES_FILE = 'log-hashes.txt';
export const MANIFEST_FILE = 'manifest.json';
export const CSV_FILES = [
  'action-log.csv',
  'escalations.csv',
  'decisions.csv',
  'funding.csv',
  'meetings.csv',
  'attendance.csv',
  'attendance-register.csv',
  'case-reviews.csv',
  'inspections.csv',
  'thematic-reviews.csv',
  'multi-agency-audits.csv',
  'risks.csv',
  'forward-plan.csv',
  'spending.csv',
] as const;
export const DATA_FILES = [EVENTS_FILE, ...CSV_FILES];

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const byName = (a: PackFileEntry, b: PackFileEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** SHA-256 over the canonical JSON of the entries sorted by name: one value to quote for them all. */
export function rootHashOf(files: PackFileEntry[]): string {
  return sha256(
    canonicalJson([...files].sort(byName).map(({ name, sha256: hash, bytes }) => ({ name, sha256: hash, bytes }))),
  );
}

/**
 * The manifest's own hash: SHA-256 over its canonical JSON without `manifestHash`. The root hash
 * covers the files only; this covers everything the manifest says (scope, positions, requester,
 * digest), so a change to any of it shows even when the files are untouched.
 */
export function manifestHashOf(m: PackManifest): string {
  const { manifestHash: _ignored, ...rest } = m;
  return sha256(canonicalJson(rest));
}

/** manifest.json's exact text: keys sorted at every depth, two-space indent, one final newline. */
export const manifestText = (m: PackManifest) => `${JSON.stringify(JSON.parse(canonicalJson(m)), null, 2)}\n`;
