/**
 * Makes the two keys a production-mode start needs, for a trial or development deployment, in one
 * directory (created if need be), each only if it is not there yet:
 *   npm run make-dev-secrets -- ./secrets
 * docker compose runs this itself (service ledger-secrets) when MAKE_DEV_SECRETS=yes. Without that
 * it only checks both keys are present and, if not, says what to do and exits 78 so the ledger does
 * not start. A real partnership makes its signing key once, backs it up and publishes its public key.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyPath, writeSigningKeyPair } from '../src/ledger/digests/signing-key';
import { writeMasterKey } from '../src/privacy/services';

/** File names inside the secrets directory; docker-compose.yml points the ledger at these. */
export const SIGNING_KEY_FILE = 'ledger-signing-key.pem';
export const MASTER_KEY_FILE = 'personal-data-master.key';

function main(): number {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) {
    console.error('usage: npm run make-dev-secrets -- <directory>');
    return 2;
  }
  const signing = join(dir, SIGNING_KEY_FILE);
  const master = join(dir, MASTER_KEY_FILE);
  const missing = [signing, master].filter((f) => !existsSync(f));
  if (missing.length === 0) {
    console.error(`Keys present in ${dir}; nothing to make.`);
    return 0;
  }
  if (process.env.MAKE_DEV_SECRETS === 'no') {
    console.error(
      `Missing ${missing.join(' and ')}: put your keys there (see README, "Docker"), or set MAKE_DEV_SECRETS=yes to generate development keys.`,
    );
    return 78;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(signing)) {
    const { publicKeyPem } = writeSigningKeyPair(signing);
    console.error(`Signing key written to ${signing}; its public key (${publicKeyPath(signing)}):`);
    console.log(publicKeyPem.trimEnd());
  }
  if (!existsSync(master)) {
    writeMasterKey(master);
    console.error(`Personal-data master key written to ${master}.`);
  }
  return 0;
}

// Only when run, not when a test imports the file names above.
if (require.main === module) process.exitCode = main();
