/**
 * Writes a new Ed25519 key pair for signing ledger digests and prints the public key to publish:
 *   npm run make-signing-key -- /etc/safeguarding-ledger/ledger-signing.pem
 * The private key (PKCS#8 PEM, mode 0600) goes to the path; point LEDGER_SIGNING_KEY_FILE at it and
 * back it up. The public key (SPKI PEM) is written beside it as .pub.pem and printed: publish it
 * (e.g. in the annual report) so anyone can check a digest offline. An existing key is never overwritten.
 */
import { writeSigningKeyPair, publicKeyPath } from '../src/ledger/digests/signing-key';

function main(): void {
  const path = process.argv[2];
  if (!path || process.argv.length > 3) {
    console.error('usage: npm run make-signing-key -- <path-to-private-key.pem>');
    process.exit(2);
  }
  const { publicKeyPem } = writeSigningKeyPair(path);
  console.error(`Private key written to ${path} (mode 0600); set LEDGER_SIGNING_KEY_FILE=${path}`);
  console.error(`Public key written to ${publicKeyPath(path)}; publish it:`);
  console.log(publicKeyPem.trimEnd());
}

try {
  main();
} catch (err) {
  console.error(
    (err as NodeJS.ErrnoException).code === 'EEXIST'
      ? `Refusing to overwrite an existing key: ${(err as Error).message}`
      : (err as Error).message,
  );
  process.exit(1);
}
