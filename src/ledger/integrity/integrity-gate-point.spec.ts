import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileVerifiedPointStore, INTEGRITY_FILE } from './integrity-gate-point';

describe('FileVerifiedPointStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'verified-point-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const point = {
    position: 42,
    streamId: 'case-1',
    revision: 3,
    hash: 'a'.repeat(64),
    tree: { size: 42, peaks: ['b'.repeat(64)] },
  };

  it('given a saved point, when loaded by the next start, then it is the same point (tree included), in <dataDir>/integrity.json', () => {
    new FileVerifiedPointStore(dir).save(point);
    expect(new FileVerifiedPointStore(dir).load()).toEqual(point);
    expect(JSON.parse(readFileSync(join(dir, INTEGRITY_FILE), 'utf8'))).toEqual({ verifiedThrough: point });
  });

  it.each([
    ['no file', undefined],
    ['a file that is not JSON', '{"verifiedThrough":'],
    [
      'a point missing its hash',
      JSON.stringify({ verifiedThrough: { position: 42, streamId: 'case-1', revision: 3 } }),
    ],
    ['a position that is not a number', JSON.stringify({ verifiedThrough: { ...point, position: '42' } })],
  ])('given %s, then there is no point: the next check reads the whole ledger', (_, text) => {
    if (text !== undefined) writeFileSync(join(dir, INTEGRITY_FILE), text);
    expect(new FileVerifiedPointStore(dir).load()).toBeUndefined();
  });
});
