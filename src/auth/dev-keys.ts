import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CryptoKey } from 'jose';

export const DEV_ALG = 'EdDSA';

/**
 * Dev mode signs tokens with a key pair generated once into the data directory, so the
 * service and the mint-token command (and the demo loader) agree without any provider.
 */
export async function devKeyPair(dataDir: string): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const dir = join(dataDir, 'dev-auth');
  const priv = join(dir, 'private.pem');
  const pub = join(dir, 'public.pem');
  // Loaded here, not at import: the service reads its key pair with the first token it verifies.
  const { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI } = await import('jose');
  if (!existsSync(priv) || !existsSync(pub)) {
    mkdirSync(dir, { recursive: true });
    const pair = await generateKeyPair(DEV_ALG, { crv: 'Ed25519', extractable: true });
    writeFileSync(priv, await exportPKCS8(pair.privateKey), { mode: 0o600 });
    writeFileSync(pub, await exportSPKI(pair.publicKey));
  }
  return {
    privateKey: await importPKCS8(readFileSync(priv, 'utf8'), DEV_ALG),
    publicKey: await importSPKI(readFileSync(pub, 'utf8'), DEV_ALG),
  };
}
