import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SubjectKeyStore } from './subject-key-store';

describe('SubjectKeyStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a subject with no key, when asked for the current one, then version 1 is made and kept across restarts', async () => {
    const master = randomBytes(32);
    const file = join(dir, 'keys.sqlite');
    const first = new SubjectKeyStore(file, master);
    const k = await first.current('child-1');
    expect(k.version).toBe(1);
    await first.close();
    const again = new SubjectKeyStore(file, master);
    expect((await again.current('child-1')).key.equals(k.key)).toBe(true);
    expect((await again.get('child-1', 1))!.equals(k.key)).toBe(true);
    await again.close();
  });

  it('stores keys wrapped: the raw key bytes are not in the file, and another master key cannot unwrap them', async () => {
    const file = join(dir, 'keys.sqlite');
    const store = new SubjectKeyStore(file, randomBytes(32));
    const { key } = await store.current('child-1');
    await store.close();
    expect(readFileSync(file).includes(key)).toBe(false);
    const wrong = new SubjectKeyStore(file, randomBytes(32));
    await expect(wrong.get('child-1', 1)).rejects.toThrow();
    await wrong.close();
  });

  it('refuses a wrapped key swapped onto another subject (subject and version are authenticated)', async () => {
    const file = join(dir, 'keys.sqlite');
    const master = randomBytes(32);
    const store = new SubjectKeyStore(file, master);
    await store.current('child-1');
    await store.close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO subject_keys (subject_id, version, wrapped) SELECT 'parent-1', 1, wrapped FROM subject_keys WHERE subject_id = 'child-1'",
    ).run();
    db.close();
    const reopened = new SubjectKeyStore(file, master);
    await expect(reopened.get('parent-1', 1)).rejects.toThrow();
    await reopened.close();
  });

  it('rotates to new versions, destroys one or all, and never reuses a destroyed version number', async () => {
    const store = new SubjectKeyStore(':memory:', randomBytes(32));
    await store.current('child-1');
    expect((await store.rotate('child-1')).version).toBe(2);
    expect(await store.destroy('child-1', 1)).toEqual([1]);
    expect(await store.get('child-1', 1)).toBeUndefined();
    expect(await store.liveVersions('child-1')).toEqual([2]);
    expect(await store.destroy('child-1')).toEqual([2]);
    expect((await store.current('child-1')).version).toBe(3);
    await store.close();
  });
});
