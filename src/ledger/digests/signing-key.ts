import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type AppConfig } from '../../config/app-config';
import { loadKeyFile, writeSecretFile } from '../../config/key-file';

const VARIABLE = 'LEDGER_SIGNING_KEY_FILE';

export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI PEM: what the partnership publishes (e.g. in its annual report) to check digests against. */
  publicKeyPem: string;
}

export const DIGEST_SIGNING_KEY = Symbol('DIGEST_SIGNING_KEY');

/**
 * The key that signs digests: LEDGER_SIGNING_KEY_FILE, or outside production a key generated once
 * under <dataDir>/signing/ (like the dev token keys). A missing, unreadable or wrong key stops the
 * start with a ConfigError naming the variable: signing with anything else would be worse than not starting.
 */
export function loadSigningKey(config: AppConfig): SigningKey {
  return loadKeyFile({
    variable: VARIABLE,
    file: config.digests.signingKeyFile,
    production: config.production,
    requiredInProduction: 'is required when NODE_ENV=production',
    devFile: join(config.dataDir, 'signing', 'ledger-digest.pem'),
    generate: writeSigningKeyPair,
    parse: (bytes, file) => signingKeyFromPem(bytes.toString('utf8'), file),
  });
}

export function signingKeyFromPem(pem: string, file = 'the key'): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError(VARIABLE, `names ${file}, which is not an unencrypted PKCS#8 PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new ConfigError(VARIABLE, `names ${file}, which is a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
}

/** Where the public half of a key pair is written: beside the private key, `.pub.pem`. */
export function publicKeyPath(privatePath: string): string {
  return privatePath.replace(/(\.pem)?$/, '.pub.pem');
}

/** Writes a new pair (private PKCS#8, mode 0600; public SPKI beside it); never overwrites a key. */
export function writeSigningKeyPair(privatePath: string): SigningKey {
  const pair = generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeSecretFile(privatePath, privatePem);
  writeFileSync(publicKeyPath(privatePath), publicKeyPem, { flag: 'wx' });
  return { privateKey: pair.privateKey, publicKeyPem };
}
