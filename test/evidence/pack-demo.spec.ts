import { parseCsv } from '../../src/evidence/pack/formats/csv';
import { join } from 'node:path';
import { loadDemo } from '../../demo/load/load-demo';
import { NO_DIGEST_WARNING } from '../../src/evidence/pack/verify/check-digest';
import { describeProblem } from '../../src/evidence/pack/verify/pack-problem';
import type { PackManifest } from '../../src/evidence/pack/pack-manifest';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  buildToFile,
  EXPECTED_PACK_FILES,
  flipByte,
  request,
  tempDir,
  unzip,
  withRecomputedManifest,
  zipTo,
} from './support/pack-files';

/**
 * A pack built from the demo governance record (loaded through the API) verifies offline; then each
 * kind of tampering makes the verifier fail and name what was changed.
 */
describe('evidence pack over the demo data', () => {
  let t: TestApp;
  let tmp: ReturnType<typeof tempDir>;
  let pack: string;
  let manifest: PackManifest;
  let files: Map<string, Buffer>;
  const tampered = async (name: string, changed: Map<string, Buffer>) => {
    const file = join(tmp.dir, name);
    await zipTo(file, changed);
    return verifyPack(file);
  };
  const eventLines = () => files.get('events.ndjson')!.toString('utf8').trimEnd().split('\n');

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    tmp = tempDir();
    pack = join(tmp.dir, 'pack.zip');
    manifest = await buildToFile(t.store, request(), pack);
    files = await unzip(pack);
  });
  afterAll(async () => {
    tmp.remove();
    await t.close();
  });

  it('verifies: every file listed with its hash, chains from genesis, CSVs recompute', async () => {
    const result = await verifyPack(pack);
    expect(result.problems.map(describeProblem)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([NO_DIGEST_WARNING]); // no digest was recorded: completeness cannot be proven
    expect([...files.keys()]).toEqual(EXPECTED_PACK_FILES);
    // The manifest lists every file but itself.
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      EXPECTED_PACK_FILES.filter((name) => name !== 'manifest.json').sort(),
    );
    expect(result.eventsChecked).toBe(eventLines().length);
    expect(manifest.projections.map((p) => p.name)).toEqual([
      'action-log',
      'escalation-trail',
      'decision-register',
      'budget',
      'meetings',
      'case-reviews',
      'inspections',
      'thematic-reviews',
      'multi-agency-audits',
      'risks',
      'forward-plan',
    ]);
    expect(files.get('summary.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('holds the 2022 record: whole streams from revision 0, in log order, with the demo decisions, actions and funding', async () => {
    const events = eventLines().map((l) => JSON.parse(l) as StoredEvent);
    const all = await t.store.readAll();
    const inYear = all.filter((e) => e.metadata.occurredAt.slice(0, 4) === '2022');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e, i) => i === 0 || e.position > events[i - 1].position)).toBe(true);
    const RECORDS = /^(decision|signoff|action|escalation|protocol|budget)-/;
    const packed = new Set(events.map((e) => e.streamId));
    expect([...packed].filter((s) => RECORDS.test(s)).sort()).toEqual(
      [...new Set(inYear.map((e) => e.streamId).filter((s) => RECORDS.test(s)))].sort(),
    );
    expect([...packed].filter((s) => !RECORDS.test(s)).every((s) => /^(meeting|board|partner|person)-/.test(s))).toBe(
      true,
    );
    // Whole streams up to the end of the period: nothing after 2022, everything before it.
    for (const streamId of packed) {
      const upTo = all.filter(
        (e) =>
          e.streamId === streamId &&
          e.revision <=
            Math.max(
              ...all
                .filter((x) => x.streamId === streamId && x.metadata.occurredAt.slice(0, 10) <= '2022-12-31')
                .map((x) => x.revision),
            ),
      );
      expect(events.filter((e) => e.streamId === streamId).map((e) => e.id)).toEqual(upTo.map((e) => e.id));
    }
    for (const streamId of new Set(events.map((e) => e.streamId)))
      expect(events.find((e) => e.streamId === streamId)!.revision).toBe(0);
    expect(manifest.positions).toEqual({ from: events[0].position, to: events.at(-1)!.position });
    expect(files.get('decisions.csv')!.toString().split('\r\n')[0]).toMatch(/^record,id,decisionId,boardId/);
    expect(files.get('decisions.csv')!.toString()).toContain('decision,');
    expect(files.get('action-log.csv')!.toString().split('\r\n').length).toBeGreaterThan(3);
    expect(files.get('funding.csv')!.toString()).toMatch(/2022-23,year,/);
    // The meetings the 2022 records were made at, with who attended, sent apologies or deputised.
    const meetings = parseCsv(files.get('meetings.csv')!.toString('utf8'));
    expect(meetings.map((r) => r[0])).toEqual(
      expect.arrayContaining(['meetingId', 'wseb-2022-05-10', 'wseb-2022-09-22']),
    );
    const attendance = parseCsv(files.get('attendance.csv')!.toString('utf8')).filter(
      (r) => r[0] === 'wseb-2022-05-10',
    );
    expect(attendance).toContainEqual([
      'wseb-2022-05-10',
      'wseb',
      '2022-05-10T10:00:00.000Z',
      'pete-hill',
      'present',
      '',
      'warwickshire-police',
      'false',
    ]);
  });

  it.each(EXPECTED_PACK_FILES)('names %s when one byte of it is changed', async (name) => {
    const data = files.get(name)!;
    const result = await tampered(
      `byte-${name}.zip`,
      new Map([...files, [name, flipByte(data, Math.floor(data.length / 2))]]),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.file === name)).toBe(true);
  });

  /** A line in the middle of a stream: a later revision of the same stream follows it. */
  const removable = () => {
    const events = eventLines().map((l) => JSON.parse(l) as StoredEvent);
    const index = events.findIndex(
      (e) => e.revision === 1 && events.some((x) => x.streamId === e.streamId && x.revision === 2),
    );
    return { index, event: events[index] };
  };
  const withoutLine = (index: number) => {
    const lines = eventLines();
    lines.splice(index, 1);
    return new Map([...files, ['events.ndjson', Buffer.from(`${lines.join('\n')}\n`)]]);
  };

  it('names events.ndjson and the gap when an event line is removed', async () => {
    const { index, event } = removable();
    const result = await tampered('removed.zip', withoutLine(index));
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.file === 'events.ndjson' && /SHA-256/.test(p.message))).toBe(true);
    expect(result.problems.some((p) => p.streamId === event.streamId && p.revision === 2 && p.line === index + 1)).toBe(
      true,
    );
  });

  it('still finds the removed event when the attacker recomputes every file hash and the root hash', async () => {
    const { index, event } = removable();
    const result = await tampered('removed-rehashed.zip', withRecomputedManifest(withoutLine(index)));
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => /SHA-256|rootHash|manifestHash/.test(p.message))).toBe(false);
    const gap = result.problems.filter((p) => p.file === 'events.ndjson' && p.streamId === event.streamId);
    expect(gap.map((p) => p.message).join('\n')).toMatch(/revisions 1\.\.1 are missing/);
    expect(gap.some((p) => /hash chain removed/.test(p.message))).toBe(true);
  });

  it('names the CSV row and column when a cell is edited, even with every hash recomputed', async () => {
    const csv = files.get('decisions.csv')!.toString('utf8');
    const edited = csv.replace(/\r\ndecision,([^,]+),/, '\r\ndecision,$1-forged,');
    expect(edited).not.toBe(csv);
    const result = await tampered(
      'cell.zip',
      withRecomputedManifest(new Map([...files, ['decisions.csv', Buffer.from(edited)]])),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'decisions.csv', row: 1, column: 'id' })]);
  });

  it('names a file the manifest does not list', async () => {
    const result = await tampered('extra.zip', new Map([...files, ['notes.txt', Buffer.from('added later')]]));
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'notes.txt', message: expect.stringMatching(/not listed/) }),
    ]);
  });
});
