/**
 * Verifies an evidence pack offline, with no server and no ledger:
 *   npm run verify-pack -- <pack.zip> [--public-key <published-key.pem>]
 * --public-key pins the signer: the pack's signed digest must be signed by that key (the one the
 * partnership publishes, e.g. in its annual report), not merely by the key the pack carries.
 * Exit code 0 when the pack is valid (warnings, such as an unpinned signer or no digest at all, are
 * printed but do not fail it); 1 with every problem listed (the file, and the event by id, stream,
 * revision and line, or the CSV cell by row and column); 2 for a usage error or an unreadable key.
 */
import { readFileSync } from 'node:fs';
import { describeProblem } from '../src/evidence/pack/pack-problem';
import { verifyPack } from '../src/evidence/pack/verify-pack';

const USAGE = 'usage: npm run verify-pack -- <pack.zip> [--public-key <published-key.pem>]';

function parseArgs(args: string[]): { file: string; keyFile?: string } | undefined {
  const rest: string[] = [];
  let keyFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--public-key') {
      keyFile = args[++i];
      if (!keyFile) return undefined;
    } else if (args[i].startsWith('--public-key=')) keyFile = args[i].slice('--public-key='.length);
    else rest.push(args[i]);
  }
  return rest.length === 1 ? { file: rest[0], keyFile } : undefined;
}

async function main(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  let publicKeyPem: string | undefined;
  if (parsed.keyFile !== undefined) {
    try { publicKeyPem = readFileSync(parsed.keyFile, 'utf8'); } catch (err) {
      console.error(`verify-pack: cannot read the public key ${parsed.keyFile}: ${(err as Error).message}`);
      return 2;
    }
  }
  const result = await verifyPack(parsed.file, { publicKeyPem });
  const m = result.manifest;
  if (m) console.log(`pack ${m.packId}: ${result.eventsChecked} events, positions ${m.positions.from}..${m.positions.to}, root hash ${m.rootHash}`);
  if (m?.digest) console.log(`signed digest ${m.digest.digestId} at position ${m.digest.position}, log hash ${m.digest.logHash}${parsed.keyFile !== undefined ? `, signer pinned to ${parsed.keyFile}` : ''}`);
  for (const w of result.warnings) console.log(`WARNING: ${w}`);
  if (result.ok) {
    console.log(`VALID: every file matches the manifest, every hash chain verifies, every CSV recomputes from events.ndjson${m?.digest ? ', and every event and stream is the one the signed digest covers' : ''}`);
    return 0;
  }
  console.log(`INVALID: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const p of result.problems) console.log(`- ${describeProblem(p)}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error('verify-pack:', err); process.exitCode = 1; },
);
