import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './app-config';

/** A secret key kept in a file that an environment variable names (the digest signing key, the personal-data master key). */
export interface KeyFile<K> {
  /** The variable every error names, so an operator knows what to set. */
  variable: string;
  /** The configured path, if any. */
  file: string | undefined;
  production: boolean;
  /** Why production refuses to start without the variable (it never generates a key). */
  requiredInProduction: string;
  /** Outside production, where a key is generated once when none is configured. */
  devFile: string;
  /** Writes a new key to a path; called only when nothing is there yet. */
  generate(path: string): unknown;
  /** The key in the file's bytes, or a ConfigError naming the variable and the file. */
  parse(bytes: Buffer, file: string): K;
}

/**
 * Loads a key file: the configured one, or outside production one generated once under the data
 * directory. A missing (in production), unreadable or malformed key stops the start with a
 * ConfigError naming the variable: running with any other key would be worse than not starting.
 */
export function loadKeyFile<K>(key: KeyFile<K>): K {
  let file = key.file;
  if (!file) {
    if (key.production) throw new ConfigError(key.variable, key.requiredInProduction);
    file = key.devFile;
    if (!existsSync(file)) key.generate(file);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ConfigError(
      key.variable,
      `names a file that cannot be read: ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  return key.parse(bytes, file);
}

/** Writes a secret readable by its owner only (0600, its directory 0700); never overwrites a file. */
export function writeSecretFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
}
