import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './app-config';
import { loadKeyFile, writeSecretFile, type KeyFile } from './key-file';

describe('loadKeyFile', () => {
  let dir: string;
  let generated: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'key-file-'));
    generated = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const keyFile = (over: Partial<KeyFile<string>> = {}): KeyFile<string> => ({
    variable: 'SOME_KEY_FILE',
    file: undefined,
    production: false,
    requiredInProduction: 'is required when NODE_ENV=production',
    devFile: join(dir, 'dev', 'some.key'),
    generate: (path) => (generated.push(path), writeSecretFile(path, 'fresh')),
    parse: (bytes, file) => {
      if (bytes.toString() === 'bad') throw new ConfigError('SOME_KEY_FILE', `names ${file}, which is bad`);
      return bytes.toString();
    },
    ...over,
  });

  it('given no file outside production, then a key is generated once at the dev path and read back', () => {
    expect(loadKeyFile(keyFile())).toBe('fresh');
    expect(loadKeyFile(keyFile())).toBe('fresh');
    expect(generated).toEqual([join(dir, 'dev', 'some.key')]);
  });

  it('given no file in production, then the start stops naming the variable and nothing is generated', () => {
    expect(() => loadKeyFile(keyFile({ production: true }))).toThrow(
      'Invalid configuration: SOME_KEY_FILE is required when NODE_ENV=production',
    );
    expect(generated).toEqual([]);
  });

  it('given a named file that cannot be read, then the error names the variable, the file and why', () => {
    const missing = join(dir, 'missing.key');
    expect(() => loadKeyFile(keyFile({ file: missing, production: true }))).toThrow(
      `Invalid configuration: SOME_KEY_FILE names a file that cannot be read: ${missing} (ENOENT)`,
    );
  });

  it('given a named file, then its bytes are parsed with the file name for the errors', () => {
    const file = join(dir, 'bad.key');
    writeSecretFile(file, 'bad');
    expect(() => loadKeyFile(keyFile({ file }))).toThrow(`names ${file}, which is bad`);
    expect(generated).toEqual([]);
  });
});

describe('writeSecretFile', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'secret-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a new path, then the file is owner-only in an owner-only directory', () => {
    const file = join(dir, 'keys', 'a.key');
    writeSecretFile(file, 'secret');
    expect(readFileSync(file, 'utf8')).toBe('secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
  });

  it('given a file already there, then it is never overwritten', () => {
    const file = join(dir, 'a.key');
    writeSecretFile(file, 'first');
    expect(() => writeSecretFile(file, 'second')).toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('first');
  });
});
