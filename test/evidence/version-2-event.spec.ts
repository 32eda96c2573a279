/**
 * The first version-2 event must not change a single read: with 'action-raised' moved to version 2
 * (its version-1 data named the text `description`, an upcaster renames it), the same history
 * stored partly at version 1 reads exactly as it does stored at today's version, in every read
 * model the runner keeps, every action's history, every CSV of a pack (selection included) and
 * summary.pdf's input and bytes. The codec is replaced for this test only, where every consumer
 * finds it (the action domain module), so a consumer that skipped the codec would read the old
 * shape and fail the comparison.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Action, type ActionEvent } from '../../src/actions';
import type { BuildPackRequest } from '../../src/evidence/pack/build/build-pack-contract';
import type { SummaryInput } from '../../src/evidence/pack/formats/summary-pdf/summary-figures';
import { eventCodec, v1, type EventCodec } from '../../src/ledger/event-codec';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ManualClock } from '../../src/shared/clock';
import { EXPECTED_CSV_FILES, request, tempDir, unzip } from './support/pack-files';
import { syntheticLedger } from './support/synthetic-ledger';

type Modules = {
  projections: typeof import('../../src/read-models/projections.module');
  actionLog: typeof import('../../projections/action-log/action-log.projection');
  fold: typeof import('../../src/evidence/pack/formats/tables/projection-fold');
  buildPack: typeof import('../../src/evidence/pack/build/build-pack');
  verify: typeof import('../../src/evidence/pack/verify/verify-pack');
  selector: typeof import('../../src/evidence/pack/build/select-streams');
  tables: typeof import('../../src/evidence/pack/formats/tables/pack-tables');
  summary: typeof import('../../src/evidence/pack/build/summary-input');
  pdf: typeof import('../../src/evidence/pack/formats/summary-pdf/render-summary');
};

const ACTION_DOMAIN = require.resolve('../../src/actions/domain/action');

/** 'action-raised' at version 2: version 1 called the text `description`. */
const actionCodecV2: EventCodec<ActionEvent> = eventCodec<ActionEvent>({
  ...v1(...Action.codec.types),
  'action-raised': {
    version: 2,
    upcasters: {
      1: ({ description, ...rest }: { description: string }) => ({ ...rest, text: description }),
    },
  },
});

/** The read side loaded afresh; with a codec, the action aggregate's codec is that one for every consumer. */
function loadReadSide(actionCodec?: EventCodec<ActionEvent>): Modules {
  let modules!: Modules;
  jest.isolateModules(() => {
    if (actionCodec)
      jest.doMock(ACTION_DOMAIN, () => {
        const actual = jest.requireActual<typeof import('../../src/actions/domain/action')>(ACTION_DOMAIN);
        return { ...actual, Action: { ...actual.Action, codec: actionCodec } };
      });
    /* eslint-disable @typescript-eslint/no-require-imports */
    modules = {
      projections: require('../../src/read-models/projections.module') as Modules['projections'],
      actionLog: require('../../projections/action-log/action-log.projection') as Modules['actionLog'],
      fold: require('../../src/evidence/pack/formats/tables/projection-fold') as Modules['fold'],
      buildPack: require('../../src/evidence/pack/build/build-pack') as Modules['buildPack'],
      verify: require('../../src/evidence/pack/verify/verify-pack') as Modules['verify'],
      selector: require('../../src/evidence/pack/build/select-streams') as Modules['selector'],
      tables: require('../../src/evidence/pack/formats/tables/pack-tables') as Modules['tables'],
      summary: require('../../src/evidence/pack/build/summary-input') as Modules['summary'],
      pdf: require('../../src/evidence/pack/formats/summary-pdf/render-summary') as Modules['pdf'],
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    jest.dontMock(ACTION_DOMAIN);
  });
  return modules;
}

/**
 * The same history with 'action-raised' written as version 2 would have found it: the first two
 * raised actions (a3, a1) stored at version 1 in the old shape, the third at version 2 as today.
 */
async function storedAtVersion2(today: StoredEvent[]): Promise<MemoryEventStore> {
  const store = new MemoryEventStore(new ManualClock(new Date('2023-03-01T09:00:00Z')));
  let raised = 0;
  for (const e of today) {
    let { data, schemaVersion } = e;
    if (e.type === 'action-raised') {
      const { text, ...rest } = e.data as { text: string };
      [data, schemaVersion] = raised++ < 2 ? [{ ...rest, description: text }, 1] : [e.data, 2];
    }
    const { actor, correlationId, causationId, occurredAt } = e.metadata;
    await store.append(
      e.streamId,
      [{ id: e.id, type: e.type, schemaVersion, data, metadata: { actor, correlationId, causationId, occurredAt } }],
      'any',
    );
  }
  return store;
}

interface Reads {
  readModels: Record<string, Record<string, unknown>>;
  histories: Record<string, unknown>;
  csvs: Record<string, string>;
  summary: SummaryInput;
  pdf: Buffer;
}

/** Everything the read side shows of one store: read models, action histories, pack CSVs, summary.pdf. */
async function readAll(m: Modules, store: MemoryEventStore, req: BuildPackRequest, file: string): Promise<Reads> {
  const events = await store.readAll();
  const readModels = Object.fromEntries(
    m.projections.PROJECTIONS.map((p) => {
      const fold = new m.fold.ProjectionFold(p);
      for (const e of events) fold.add(e);
      return [p.name, Object.fromEntries([...fold.docs].sort(([a], [b]) => (a < b ? -1 : 1)))];
    }),
  );
  const actionIds = [...new Set(events.filter((e) => e.type === 'action-raised').map((e) => e.streamId))];
  const histories = Object.fromEntries(
    actionIds.map((s) => [s, m.actionLog.actionHistory(events.filter((e) => e.streamId === s))]),
  );

  await m.buildPack.buildPack(store, req, createWriteStream(file));
  const verified = await m.verify.verifyPack(file);
  expect({ ok: verified.ok, problems: verified.problems }).toEqual({ ok: true, problems: [] });
  const csvs = Object.fromEntries(
    [...(await unzip(file))].filter(([name]) => name.endsWith('.csv')).map(([n, b]) => [n, b.toString('utf8')]),
  );

  // summary.pdf as the builder makes it, from the same selection and tables, with a fixed root hash.
  const selector = new m.selector.StreamSelector(req.scope);
  for (const e of events) selector.observe(e);
  const streams = selector.result();
  const tables = m.tables.packTables(req.scope.to);
  for (const e of events)
    if (e.revision <= (streams.get(e.streamId) ?? -1)) for (const t of m.tables.tableList(tables)) t.add(e);
  const summary = m.summary.summaryInput(tables, {
    title: 'Evidence pack',
    partnership: 'Synthetic partnership',
    scope: req.scope,
    generatedAt: req.generatedAt,
    rootHash: 'fixed',
    eventCount: events.length,
    streamCount: streams.size,
  });
  return { readModels, histories, csvs, summary, pdf: await m.pdf.renderSummaryPdf(summary) };
}

describe('a version-2 event with an upcaster', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const today = loadReadSide();
  const withV2 = loadReadSide(actionCodecV2);

  it.each([
    ['every record', request()],
    ['a theme matched against action text', request({ themes: ['exploitation'] })],
  ])(
    'given the same history stored at today’s version and partly at version 1, when %s is read, then every read model, CSV and summary.pdf is the same',
    async (label, req) => {
      const current = await syntheticLedger();
      const upcast = await storedAtVersion2(await current.readAll());
      const dir = join(tmp.dir, label.replace(/\W+/g, '-'));
      mkdirSync(dir);

      const expected = await readAll(today, current, req, join(dir, 'today.zip'));
      const actual = await readAll(withV2, upcast, req, join(dir, 'v2.zip'));

      expect(actual.readModels).toEqual(expected.readModels);
      expect(actual.histories).toEqual(expected.histories);
      expect(Object.keys(expected.csvs).sort()).toEqual(EXPECTED_CSV_FILES);
      expect(actual.csvs).toEqual(expected.csvs);
      expect(actual.summary).toEqual(expected.summary);
      expect(actual.pdf.equals(expected.pdf)).toBe(true);
      // The comparison has something to find: the action texts are in the CSV and the chart has rows.
      expect(expected.csvs['action-log.csv']).toMatch(/Review the Exploitation pathway/);
      expect(expected.summary.actionStatusOverTime.length).toBeGreaterThan(0);
    },
  );

  it('given the version-1 data read WITHOUT the upcaster, then the read models differ (the test can see a skipped codec)', async () => {
    const upcast = await storedAtVersion2(await (await syntheticLedger()).readAll());
    const events = await upcast.readAll();
    const fold = new today.fold.ProjectionFold(today.actionLog.actionLogProjection);
    for (const e of events) fold.add(e);
    const a1 = fold.docs.get('action:a1') as { text?: string };
    expect(a1.text).toBeUndefined();
  });
});
