/**
 * Verifies an evidence pack offline, with no server and no ledger:
 *   npm run verify-pack -- <pack.zip>
 * Exit code 0 when the pack is valid; 1 with every problem listed (the file, and the event by id,
 * stream, revision and line, or the CSV cell by row and column); 2 when called without a file.
 */
import { describeProblem } from '../src/evidence/pack/pack-problem';
import { verifyPack } from '../src/evidence/pack/verify-pack';

async function main([file]: string[]): Promise<number> {
  if (!file) {
    console.error('usage: npm run verify-pack -- <pack.zip>');
    return 2;
  }
  const result = await verifyPack(file);
  const m = result.manifest;
  if (m) console.log(`pack ${m.packId}: ${result.eventsChecked} events, positions ${m.positions.from}..${m.positions.to}, root hash ${m.rootHash}`);
  if (m?.digest) console.log(`signed digest ${m.digest.digestId} at position ${m.digest.position}, log hash ${m.digest.logHash}`);
  if (result.ok) {
    console.log('VALID: every file matches the manifest, every hash chain verifies, every CSV recomputes from events.ndjson');
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
