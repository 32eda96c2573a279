/**
 * Verifies an evidence pack offline, with no server and no ledger:
 *   npm run verify-pack -- <pack.zip> [--public-key <published-key.pem>] [--digest <published.json> [--consistency <proof.json>]]
 * --public-key pins the signer: the pack's signed digest must be signed by that key (the one the
 * partnership publishes, e.g. in its annual report), not merely by the key the pack carries.
 * --digest holds the pack to a digest the partnership published (the signed digest JSON, or a
 * GET /ledger/digests entry holding it as `digest`); it needs --public-key. The pack's digest must be
 * that digest (same tree size and root), or, when they differ in size, --consistency must give the
 * consistency proof between them: the JSON of GET /ledger/digests/{newer}/consistency?from={older}
 * (its `proof` array of hex hashes) or a bare JSON array of them.
 * Exit code 0 when the pack is valid (warnings, such as an unpinned signer or no digest at all, are
 * printed but do not fail it); 1 with every problem listed (the file, and the event by id, stream,
 * revision and line, or the CSV cell by row and column); 2 for a usage error or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { describeProblem, verifyPack, type VerifyOptions } from '../src/evidence';
import type { SignedDigest } from '../src/ledger/digests/signed-digest';

const USAGE =
  'usage: npm run verify-pack -- <pack.zip> [--public-key <published-key.pem>] [--digest <published.json> [--consistency <proof.json>]]';
const OPTIONS = ['--public-key', '--digest', '--consistency'] as const;
type Option = (typeof OPTIONS)[number];

class UsageError extends Error {}

function parseArgs(args: string[]): { file: string; options: Partial<Record<Option, string>> } {
  const rest: string[] = [];
  const options: Partial<Record<Option, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (!(OPTIONS as readonly string[]).includes(name)) {
      rest.push(args[i]);
      continue;
    }
    const value = inline ?? args[++i];
    if (!value) throw new UsageError(`${name} needs a file`);
    options[name as Option] = value;
  }
  if (rest.length !== 1) throw new UsageError('give exactly one pack');
  if (options['--digest'] && !options['--public-key'])
    throw new UsageError('--digest needs --public-key: the published key pins who signed it');
  if (options['--consistency'] && !options['--digest']) throw new UsageError('--consistency goes with --digest');
  return { file: rest[0], options };
}

function read(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file}: ${(err as Error).message}`);
  }
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(read(file, what));
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError(`${what} ${file} is not JSON`);
  }
}

function verifyOptions(options: Partial<Record<Option, string>>): VerifyOptions {
  const publicKeyPem =
    options['--public-key'] !== undefined ? read(options['--public-key'], 'the public key') : undefined;
  const digestFile = options['--digest'];
  if (digestFile === undefined) return { publicKeyPem };
  const json = readJson(digestFile, 'the published digest') as { digest?: unknown } | null;
  const digest = (json && typeof json === 'object' && 'digest' in json ? json.digest : json) as SignedDigest;
  if (!digest || typeof digest !== 'object') throw new UsageError(`${digestFile} holds no digest object`);
  let consistencyProof: string[] | undefined;
  if (options['--consistency'] !== undefined) {
    const proof = readJson(options['--consistency'], 'the consistency proof') as { proof?: unknown } | unknown[];
    const list = Array.isArray(proof) ? proof : proof?.proof;
    if (!Array.isArray(list) || !list.every((h) => typeof h === 'string'))
      throw new UsageError(`${options['--consistency']} holds no proof (a list of hex hashes)`);
    consistencyProof = list;
  }
  return { publicKeyPem, published: { digest, name: digestFile, consistencyProof } };
}

async function main(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  let options: VerifyOptions;
  try {
    parsed = parseArgs(args);
    options = verifyOptions(parsed.options);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`verify-pack: ${err.message}\n${USAGE}`);
    return 2;
  }
  const keyFile = parsed.options['--public-key'];
  const result = await verifyPack(parsed.file, options);
  const m = result.manifest;
  if (m)
    console.log(
      `pack ${m.packId}: ${result.eventsChecked} events, positions ${m.positions.from}..${m.positions.to}, root hash ${m.rootHash}`,
    );
  if (m?.digest) {
    const heads =
      m.digest.streamHeadsSize !== undefined
        ? `, ${m.digest.streamHeadsSize} stream heads root ${m.digest.streamHeadsRoot}`
        : '';
    const tree =
      m.digest.treeSize !== undefined
        ? `, tree size ${m.digest.treeSize} root ${m.digest.treeRoot}${heads}`
        : `, log hash ${m.digest.logHash}`;
    console.log(
      `signed digest ${m.digest.digestId} at position ${m.digest.position}${tree}${keyFile !== undefined ? `, signer pinned to ${keyFile}` : ''}`,
    );
  }
  if (options.published)
    console.log(
      `held to the published digest ${options.published.name}${options.published.consistencyProof ? ' through the consistency proof given' : ''}`,
    );
  for (const w of result.warnings) console.log(`WARNING: ${w}`);
  if (result.ok) {
    console.log(
      `VALID: every file matches the manifest, every hash chain verifies, every CSV recomputes from events.ndjson${m?.digest ? ', and every event and stream is the one the signed digest covers' : ''}${options.published ? ', which is the published one or consistent with it' : ''}`,
    );
    return 0;
  }
  console.log(`INVALID: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const p of result.problems) console.log(`- ${describeProblem(p)}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('verify-pack:', err);
    process.exitCode = 1;
  },
);
