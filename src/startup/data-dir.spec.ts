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
    expect(() => assertDataDirWritable(data)).toThrow(`${data} (LEDGER_DATA_DIR): part of the path is a file, not a directory (ENOTDIR)`);
  });

  it('given the path of a regular file, then it refuses (mkdir finds a file there)', () => {
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    expect(() => assertDataDirWritable(file)).toThrow(DataDirUnwritableError);
  });
});
