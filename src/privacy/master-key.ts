import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError, type AppConfig } from '../config/app-config';
import { loadKeyFile, writeSecretFile } from '../config/key-file';

const VARIABLE = 'PERSONAL_DATA_MASTER_KEY_FILE';
export const MASTER_KEY_BYTES = 32;

/**
 * The key that wraps every data subject's key: PERSONAL_DATA_MASTER_KEY_FILE (32 bytes, raw or
 * base64), or outside production one generated once under <dataDir>/keys/ (like the digest key).
 * Production never generates one: a key made on the fly and lost on redeploy would silently erase
 * every personal value, so a missing or bad key stops the start naming the variable.
 */
export function loadMasterKey(config: AppConfig): Buffer {
  return loadKeyFile({
    variable: VARIABLE,
    file: config.personalData.masterKeyFile,
    production: config.production,
    requiredInProduction: 'is required when NODE_ENV=production (32 random bytes, raw or base64)',
    devFile: join(config.dataDir, 'keys', 'personal-data-master.key'),
    generate: writeMasterKey,
    parse: masterKeyFrom,
  });
}

/** Raw 32 bytes, or their base64 text (a trailing newline allowed). */
export function masterKeyFrom(bytes: Buffer, file = 'the key'): Buffer {
  if (bytes.length === MASTER_KEY_BYTES) return bytes;
  const text = bytes.toString('utf8').trim();
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (decoded.length !== MASTER_KEY_BYTES)
    throw new ConfigError(VARIABLE, `names ${file}, which is not ${MASTER_KEY_BYTES} bytes (raw or base64)`);
  return decoded;
}

/** Writes a new base64 key, mode 0600; never overwrites one. */
export function writeMasterKey(path: string): Buffer {
  const key = randomBytes(MASTER_KEY_BYTES);
  writeSecretFile(path, `${key.toString('base64')}\n`);
  return key;
}
