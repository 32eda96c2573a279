import { join } from 'node:path';
import {
  CSV_FORMAT,
  csvField,
  LEGACY_CSV_FORMAT,
  NEUTRALISING_CSV_FORMAT,
  parseCsv,
  pounds,
  toCsv,
} from '../../src/evidence/pack/formats/csv';
import { CSV_FILES, MANIFEST_FILE } from '../../src/evidence/pack/formats/pack-files';
import type { PackManifest } from '../../src/evidence/pack/pack-manifest';
import { packTables, tableList } from '../../src/evidence/pack/formats/tables/pack-tables';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import { FORMULAS, formulaLedger, NEGATIVE_PENCE } from './support/formula-ledger';
import { buildToFile, request, tempDir, unzip, withRecomputedManifest, zipTo } from './support/pack-files';

/**
 * Built from formulaLedger() by buildPack at commit 8ff80e3, before CSV cells were neutralised (no
 * csvFormat in its manifest; a signed digest and log-hashes.txt), with
 * `buildToFile(store, request({}, { digestCovering: async () => digest }), file)`: a pack inspectors
 * may already hold, which must keep verifying.
 */
const OLD_PACK = join(__dirname, 'fixtures', 'pack-csv-format-1.zip');

const cellsOf = (files: Map<string, Buffer>, name: string) => parseCsv(files.get(name)!.toString('utf8')).flat();
const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV cells are neutralised against formula injection (OWASP), in the builder and verify-pack alike', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('given cells starting with = + - @ tab or CR, when written, then each gets a leading apostrophe; other text is untouched', () => {
    for (const text of [
      "=cmd|' /C calc'!A0",
      '+SUM(1+1)',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(1)',
      '\tx',
      '\r=1',
      '-',
      '+44 20 7946 0000',
    ])
      expect(csvField(text)).toMatch(/^"?'/);
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField('\r\n=1')).toBe('"\'\r\n=1"');
    for (const text of ['plain', 'a=b', ' =leading space', '2022-05-10', "'already quoted", 'Zoë'])
      expect(csvField(text)).toBe(text);
  });

  it('given negative money, in pence or pounds, when written, then it stays a plain number a spreadsheet reads as one', () => {
    expect(toCsv(['pence', 'pounds', 'zero'], [[-2500, pounds(-2500), -0]])).toBe(
      'pence,pounds,zero\r\n-2500,-25.00,0\r\n',
    );
    expect([csvField('-25.00'), csvField(-1.5), csvField('-12'), csvField('-1e5'), csvField('-25.00 refund')]).toEqual([
      '-25.00',
      '-1.5',
      '-12',
      "'-1e5",
      "'-25.00 refund",
    ]);
  });

  it('given the legacy format, when written, then cells are as packs before neutralisation had them', () => {
    expect(csvField('=1', LEGACY_CSV_FORMAT)).toBe('=1');
    expect(toCsv(['t'], [['+SUM(1+1)']], LEGACY_CSV_FORMAT)).toBe('t\r\n+SUM(1+1)\r\n');
  });

  it('given records titled like formulas, when a pack is built, then no CSV cell starts a formula, negative money is a number, the manifest names the format, and it verifies', async () => {
    const store = await formulaLedger();
    const file = join(tmp.dir, 'new.zip');
    const manifest = await buildToFile(store, request(), file);
    const files = await unzip(file);
    expect(manifest.csvFormat).toBe(CSV_FORMAT);
    const cells = CSV_FILES.flatMap((name) => cellsOf(files, name));
    expect(cells.filter((c) => FORMULA_START.test(c) && !/^-\d+(\.\d+)?$/.test(c))).toEqual([]);
    expect(cellsOf(files, 'action-log.csv')).toContain(`'${FORMULAS.actionText}`);
    expect(cellsOf(files, 'decisions.csv')).toEqual(
      expect.arrayContaining([
        `'${FORMULAS.decisionText}`,
        `'${FORMULAS.otherDecisionText}`,
        String(NEGATIVE_PENCE),
        pounds(NEGATIVE_PENCE),
      ]),
    );
    expect(cellsOf(files, 'escalations.csv')).toContain(`'${FORMULAS.escalationSubject}`);
    const verified = await verifyPack(file);
    expect({ ok: verified.ok, problems: verified.problems, warnings: verified.warnings }).toEqual({
      ok: true,
      problems: [],
      warnings: [expect.stringMatching(/no signed digest/i)],
    });
  });

  it('given a new pack whose CSV is put back raw (formula live) with every hash recomputed, when verified, then the cell is named', async () => {
    const store = await formulaLedger();
    const file = join(tmp.dir, 'raw.zip');
    await buildToFile(store, request(), file);
    const files = await unzip(file);
    files.set(
      'action-log.csv',
      Buffer.from(
        files.get('action-log.csv')!.toString('utf8').replace(`'${FORMULAS.actionText}`, FORMULAS.actionText),
      ),
    );
    await zipTo(file, withRecomputedManifest(files));
    const verified = await verifyPack(file);
    expect(verified.ok).toBe(false);
    expect(verified.problems).toEqual([
      expect.objectContaining({
        file: 'action-log.csv',
        row: 3,
        column: 'text',
        message: expect.stringContaining(`recomputed from events.ndjson it is "'=cmd`),
      }),
    ]);
  });

  it('given a pack built before neutralisation (raw formula cells, no csvFormat), when verified, then it is still valid and warns the CSVs hold formula-like cells', async () => {
    const manifest = JSON.parse((await unzip(OLD_PACK)).get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
    expect(manifest.csvFormat).toBeUndefined();
    expect(cellsOf(await unzip(OLD_PACK), 'action-log.csv')).toContain(FORMULAS.actionText);
    const verified = await verifyPack(OLD_PACK);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/action-log\.csv, escalations\.csv, decisions\.csv were written before .*formula/),
      ]),
    );
  });

  it('given an old pack relabelled as the new format, or a new one as the old, when verified, then its CSVs fail against the recomputation', async () => {
    const relabel = async (source: string, file: string, csvFormat: number | undefined) => {
      const files = await unzip(source);
      const { csvFormat: _old, ...manifest } = JSON.parse(files.get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
      files.set(
        MANIFEST_FILE,
        Buffer.from(JSON.stringify(csvFormat === undefined ? manifest : { ...manifest, csvFormat })),
      );
      await zipTo(file, withRecomputedManifest(files));
      return (await verifyPack(file)).problems
        .filter((p) => p.file.endsWith('.csv'))
        .map((p) => `${p.file} ${p.row}`)
        .sort();
    };
    const formulaCells = ['action-log.csv 3', 'decisions.csv 2', 'decisions.csv 3', 'escalations.csv 2'];
    // Format 2, the first that neutralises: format 3 packs also carry meetings.csv, which the old pack lacks.
    expect(await relabel(OLD_PACK, join(tmp.dir, 'old-as-new.zip'), 2)).toEqual(formulaCells);
    const fresh = join(tmp.dir, 'fresh.zip');
    await buildToFile(await formulaLedger(), request(), fresh);
    // A new pack relabelled old also fails on every funding.csv row: from format 10 it has an ownerId column.
    const fundingRows = ['funding.csv 0', 'funding.csv 1', 'funding.csv 2'];
    expect(await relabel(fresh, join(tmp.dir, 'new-as-old.zip'), undefined)).toEqual(
      [...formulaCells, ...fundingRows].sort(),
    );
  });

  it('given a manifest naming a CSV format this verifier does not know, when verified, then that is a problem', async () => {
    const file = join(tmp.dir, 'unknown.zip');
    const files = await unzip(OLD_PACK);
    const manifest = JSON.parse(files.get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
    files.set(MANIFEST_FILE, Buffer.from(JSON.stringify({ ...manifest, csvFormat: 99 })));
    await zipTo(file, withRecomputedManifest(files));
    expect((await verifyPack(file)).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: MANIFEST_FILE, message: expect.stringContaining('csvFormat 99') }),
      ]),
    );
  });

  it('given the tables, when recomputed in either format, then only formula-like cells differ', async () => {
    const tables = packTables('2022-12-31');
    for (const e of await (await formulaLedger()).readAll()) for (const t of tableList(tables)) t.add(e);
    const fundingBoth = [tables.funding.csv(LEGACY_CSV_FORMAT), tables.funding.csv(NEUTRALISING_CSV_FORMAT)];
    expect(fundingBoth[0]).toBe(fundingBoth[1]);
    expect(tables.actionLog.csv(LEGACY_CSV_FORMAT)).toBe(
      tables.actionLog.csv(NEUTRALISING_CSV_FORMAT).replace(`'${FORMULAS.actionText}`, FORMULAS.actionText),
    );
  });
});
