import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDataDirWritable, DataDirUnwritableError } from './data-dir';

describe('assertDataDirWritable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-dir-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a directory that does not exist yet, then it is created and left empty (the probe file is removed)', () => {
    const data = join(dir, 'a', 'b');
    assertDataDirWritable(data);
    expect(readdirSync(data)).toEqual([]);
  });

  it('given a path through a regular file, then it refuses with ENOTDIR and names the path', () => {
    writeFileSync(join(dir, 'file'), '');
    const data = join(dir, 'file', 'data');
    expect(() => assertDataDirWritable(data)).toThrow(DataDirUnwritableError);
    expect(() => assertDataDirWritable(data)).toThrow(
      `${data} (LEDGER_DATA_DIR): part of the path is a file, not a directory (ENOTDIR)`,
    );
  });

  it('given the path of a regular file, then it refuses (mkdir finds a file there)', () => {
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    expect(() => assertDataDirWritable(file)).toThrow(DataDirUnwritableError);
  });
});

describe('assertDataDirWritable, on a file already in the directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-dir-files-'));
  const file = join(dir, 'ledger.sqlite');
  writeFileSync(file, '');
  // Tests run as root, which writes any file whatever its mode; an immutable file (chattr +i, as a
  // read-only root-owned database is to the `node` user) refuses even root. Needs CAP_LINUX_IMMUTABLE.
  const immutable = spawnSync('chattr', ['+i', file]).status === 0;
  afterAll(() => {
    if (immutable) spawnSync('chattr', ['-i', file]);
    rmSync(dir, { recursive: true, force: true });
  });

  (immutable ? it : it.skip)(
    'given a database file no one may write, then it refuses naming that file and the directory',
    () => {
      expect(() => assertDataDirWritable(dir)).toThrow(
        `Cannot write to ledger.sqlite in the data directory ${dir} (LEDGER_DATA_DIR): permission denied (EPERM). Make it writable`,
      );
    },
  );

  it('given the file writable again, then it passes', () => {
    if (immutable) spawnSync('chattr', ['-i', file]);
    expect(() => assertDataDirWritable(dir)).not.toThrow();
  });
});
