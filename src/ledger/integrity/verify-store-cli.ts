import { existsSync, readFileSync } from 'node:fs';
import { SQLITE_ROWIDS } from '../sqlite/schema';
import { createPublicKey } from 'node:crypto';
import { dirname, join } from 'node:path';
import { ReadOnlySqliteLedger } from '../sqlite/read-only-ledger';
import { verifyLedger, verifyStore } from './verify-store';
import type { DigestClaims, SourcedDigest } from './verify-store-problems';
import { readLogTreeWitness } from './verify-store-witness';

export const VERIFY_STORE_USAGE =
  'usage: verify-store [file=data/ledger.sqlite] [streamId] [--digest published.json ...] [--public-key key.pem] [--log-tree file | --no-log-tree]';

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
  /** The log-tree file to hold the ledger to: named, none (--no-log-tree), or undefined for the one beside the ledger if any. */
  logTree?: string | false;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const digestFiles: string[] = [];
  let publicKeyFile: string | undefined;
  let logTree: string | false | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--digest' || a === '--public-key' || a === '--log-tree') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a file`);
      if (a === '--digest') digestFiles.push(value);
      else if (a === '--log-tree') logTree = value;
      else publicKeyFile = value;
    } else if (a === '--no-log-tree') logTree = false;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length > 2) throw new UsageError('too many arguments');
  // A published digest is only as good as the key that signed it: without the key, a forger's digest would do.
  if (digestFiles.length > 0 && !publicKeyFile)
    throw new UsageError('--digest needs --public-key: the published key pins who signed it');
  return { file: positional[0] ?? 'data/ledger.sqlite', streamId: positional[1], digestFiles, publicKeyFile, logTree };
}

/** A published digest: the signed digest itself, or a GET /ledger/digests entry ({ digest, ... }). */
function readDigest(file: string): SourcedDigest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--digest ${file} is not a readable JSON file (${(err as Error).message})`);
  }
  const digest = (json && typeof json === 'object' && 'digest' in json ? json.digest : json) as DigestClaims;
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
    // Read before the ledger: beside a running service the tree then never holds an event the ledger read cannot see.
    const witness = logTreeWitness(args, io);
    const report = await verifyLedger(ledger, {
      supplied,
      pinnedKeyPem,
      positions: SQLITE_ROWIDS,
      witnesses: witness ? [witness.digest] : [],
    });
    io.out(
      JSON.stringify(
        { file: args.file, verdict: report.ok ? 'VALID' : 'TAMPERED', logTree: witness?.file ?? null, ...report },
        null,
        2,
      ),
    );
    return report.ok ? 0 : 1;
  } catch (err) {
    io.err(`verify-store: could not verify ${args.file}: ${(err as Error).message}`);
    return 2;
  } finally {
    ledger?.close();
  }
}

/**
 * The service's log-tree file as a witness: the one named, else `log-tree.sqlite` beside the ledger
 * when there is one (the data directory's layout). One named but unreadable stops the run; one
 * found beside the ledger but unreadable (another version's layout) is skipped with a warning.
 */
function logTreeWitness(args: Args, io: CliIo): { file: string; digest: SourcedDigest } | undefined {
  if (args.logTree === false) return undefined;
  const file = args.logTree ?? join(dirname(args.file), 'log-tree.sqlite');
  if (args.logTree === undefined && !existsSync(file)) return undefined;
  try {
    const digest = readLogTreeWitness(file);
    return digest && { file, digest };
  } catch (err) {
    if (args.logTree !== undefined)
      throw new Error(`--log-tree ${file} is not a readable log-tree file (${(err as Error).message})`);
    io.err(`verify-store: warning: skipped the log tree beside the ledger, ${file} (${(err as Error).message})`);
    return undefined;
  }
}
