import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { ReadOnlySqliteLedger } from '../sqlite/read-only-ledger';
import { verifyLedger, verifyStore } from './verify-store';
import type { DigestClaims, SourcedDigest } from './verify-store-problems';

export const VERIFY_STORE_USAGE =
  'usage: verify-store [file=data/ledger.sqlite] [streamId] [--digest published.json ...] [--public-key key.pem]';

/** Where the CLI writes: stdout for the report, stderr for why it could not verify. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

interface Args {
  file: string;
  streamId?: string;
  digestFiles: string[];
  publicKeyFile?: string;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const digestFiles: string[] = [];
  let publicKeyFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--digest' || a === '--public-key') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a file`);
      if (a === '--digest') digestFiles.push(value);
      else publicKeyFile = value;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length > 2) throw new UsageError('too many arguments');
  // A published digest is only as good as the key that signed it: without the key, a forger's digest would do.
  if (digestFiles.length > 0 && !publicKeyFile) throw new UsageError('--digest needs --public-key: the published key pins who signed it');
  return { file: positional[0] ?? 'data/ledger.sqlite', streamId: positional[1], digestFiles, publicKeyFile };
}

/** A published digest: the signed digest itself, or a GET /ledger/digests entry ({ digest, ... }). */
function readDigest(file: string): SourcedDigest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--digest ${file} is not a readable JSON file (${(err as Error).message})`);
  }
  const digest = (json && typeof json === 'object' && 'digest' in json ? (json as { digest: unknown }).digest : json) as DigestClaims;
  if (!digest || typeof digest !== 'object') throw new UsageError(`--digest ${file} holds no digest object`);
  return { digest, source: { kind: 'supplied', name: file } };
}

function readPublicKey(file: string): string {
  try {
    const pem = readFileSync(file, 'utf8');
    if (createPublicKey(pem).asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return pem;
  } catch (err) {
    throw new UsageError(`--public-key ${file} is not an Ed25519 public key PEM (${(err as Error).message})`);
  }
}

/**
 * verify-store's whole behaviour, for scripts/verify-store.ts and for tests: exit 0 clean,
 * 1 tampering found, 2 could not verify (bad arguments, no file, unreadable ledger).
 * With a stream id it re-checks that stream's chain only (as before issue 12); without, the
 * whole ledger: chains, dense positions (SQLite hands out rowids densely), every digest recorded
 * and every one supplied, against the tree recomputed from the events.
 */
export async function runVerifyStore(argv: string[], io: CliIo): Promise<number> {
  let args: Args;
  let supplied: SourcedDigest[];
  let pinnedKeyPem: string | undefined;
  try {
    args = parseArgs(argv);
    supplied = args.digestFiles.map(readDigest);
    pinnedKeyPem = args.publicKeyFile === undefined ? undefined : readPublicKey(args.publicKeyFile);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`verify-store: ${err.message}\n${VERIFY_STORE_USAGE}`);
    return 2;
  }
  // A missing path would be an empty ledger, reported clean: refuse instead (SQLite would too, less plainly).
  if (!existsSync(args.file)) {
    io.err(`verify-store: no ledger file at ${args.file}`);
    return 2;
  }
  let ledger: ReadOnlySqliteLedger | undefined;
  try {
    ledger = new ReadOnlySqliteLedger(args.file);
    if (args.streamId !== undefined) {
      const report = await verifyStore(ledger, args.streamId);
      io.out(JSON.stringify({ file: args.file, streamId: args.streamId, ...report }, null, 2));
      return report.ok ? 0 : 1;
    }
    const report = await verifyLedger(ledger, { supplied, pinnedKeyPem, positions: { denseFrom: 1 } });
    io.out(JSON.stringify({ file: args.file, verdict: report.ok ? 'VALID' : 'TAMPERED', ...report }, null, 2));
    return report.ok ? 0 : 1;
  } catch (err) {
    io.err(`verify-store: could not verify ${args.file}: ${(err as Error).message}`);
    return 2;
  } finally {
    ledger?.close();
  }
}
