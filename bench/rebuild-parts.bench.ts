/**
 * Where a rebuild's time goes, over a ledger kept by `KEEP_LEDGER=<dir> npm run bench:projections`:
 *   npm run bench:rebuild-parts -- <dir>      (PARTS=noop,evolve,stringify,limit,full ROUNDS=1 to choose;
 *                                              REBUILD_BATCH=<events> for another commit interval)
 * Each part rebuilds every projection from an empty read-model file through the real runner:
 *   noop       four projections that handle nothing: reading, parsing and the runner alone;
 *   evolve     the real projections, with commits that write checkpoints but no documents;
 *   stringify  as evolve, plus JSON.stringify of every changed document;
 *   full       the real rebuild (documents + checkpoint + snapshot layer per commit);
 *   limit      the hand-written limit: the same pages of the same ledger, the same pure evolve
 *              functions into in-memory maps, every final document written in one transaction at
 *              the end, no runner, no checkpoints per batch, no snapshot layers.
 * The raw read is measured in the same process before each part: the machine is shared. Each
 * line says the part's rate and, for every part but the limit, its ratio to the limit's last run.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Projection } from '../projections/projection';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { AS_OF_SOURCES } from '../src/read-models/as-of/as-of.providers';
import { ProjectionRunner } from '../src/read-models/projection-runner';
import { PROJECTIONS } from '../src/read-models/projections.module';
import { openReadModelFile } from '../src/read-models/read-model-file';
import { ReadModelStore } from '../src/read-models/read-model-store';
import { systemClock } from '../src/shared/clock';
import { scanLog } from './support/ledger';

type Part = 'noop' | 'evolve' | 'stringify' | 'full' | 'limit';

/** A store whose commits keep the checkpoint (and the runner's bookkeeping) but write no documents. */
class NoDocumentStore extends ReadModelStore {
  constructor(
    file: string,
    private readonly stringify: boolean,
  ) {
    super(file, { snapshotProjections: AS_OF_SOURCES.map((s) => s.projection.name) });
  }

  override commit(...[projection, version, from, position, docs, events]: Parameters<ReadModelStore['commit']>): void {
    if (this.stringify) for (const doc of docs.values()) JSON.stringify(doc);
    super.commit(projection, version, from, position, new Map(), events);
  }
}

const noop = (name: string): Projection<unknown> => ({
  name,
  version: 1,
  canHandle: () => false,
  keysOf: () => [],
  initialState: () => ({}),
  evolve: (d) => d,
});

/** The limit: read the log in the runner's pages, fold into maps, write the final documents in one transaction. */
async function limit(events: SqliteEventStore, file: string): Promise<void> {
  const maps = PROJECTIONS.map((p) => ({ p, docs: new Map<string, unknown>() }));
  for (let after: number | undefined; ;) {
    const page = await events.readAll({ after, maxCount: PAGE });
    for (const event of page)
      for (const { p, docs } of maps) {
        if (!p.canHandle(event)) continue;
        for (const key of p.keysOf(event)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), event));
      }
    if (page.length > 0) after = page[page.length - 1].position;
    if (page.length < PAGE) break;
  }
  const db = openReadModelFile(file, 5000);
  const put = db.prepare('INSERT INTO documents (projection, key, doc) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const { p, docs } of maps) for (const [key, doc] of docs) put.run(p.name, key, JSON.stringify(doc));
  })();
  db.close();
}

/** The runner's page size (SharedCatchUp): the limit reads the log as the rebuild does. */
const PAGE = 500;
let limitRate: number | undefined;

async function part(events: SqliteEventStore, dir: string, which: Part): Promise<string> {
  const raw = await scanLog(events, PAGE);
  const file = join(dir, `parts-${which}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  if (which === 'limit') {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await limit(events, file);
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    limitRate = raw.count / seconds;
    return line(which, used, raw, limitRate);
  }
  const store =
    which === 'evolve' || which === 'stringify'
      ? new NoDocumentStore(file, which === 'stringify')
      : new ReadModelStore(file, { snapshotProjections: AS_OF_SOURCES.map((s) => s.projection.name) });
  // REBUILD_BATCH=<events>: the rebuild's commit interval instead of the runner's default (to weigh speed against memory).
  const rebuildBatchSize = process.env.REBUILD_BATCH ? Number(process.env.REBUILD_BATCH) : undefined;
  const runner = new ProjectionRunner(
    events,
    store,
    which === 'noop' ? PROJECTIONS.map((p) => noop(p.name)) : PROJECTIONS,
    rebuildBatchSize === undefined ? {} : { rebuildBatchSize },
  );
  const cpu = process.cpuUsage();
  const start = performance.now();
  runner.start();
  await runner.waitFor(raw.head, 60 * 60_000);
  store.unsynced.sync(); // the rebuild's closing fsyncs (UnsyncedWrites) belong to it, as the limit's commit does to it
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  await runner.stop();
  store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return line(which, used, raw, raw.count / seconds);
}

function line(which: Part, used: NodeJS.CpuUsage, raw: { count: number; eventsPerSecond: number }, rate: number) {
  const ofLimit = which !== 'limit' && limitRate ? `${(rate / limitRate).toFixed(2)}` : '';
  return `| ${which} | ${((used.user + used.system) / raw.count).toFixed(1)} µs | ${Math.round(rate)} events/s = ${((100 * rate) / raw.eventsPerSecond).toFixed(0)} % of raw read (${Math.round(raw.eventsPerSecond)} events/s) | ${ofLimit} |`;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir)
    throw new Error(
      'Usage: npm run bench:rebuild-parts -- <dir holding ledger.sqlite, from KEEP_LEDGER=<dir> npm run bench:projections>',
    );
  const events = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') }, systemClock);
  // limit before full in each round, so every full line has a limit measured just before it.
  const parts = (process.env.PARTS ?? 'noop,evolve,stringify,limit,full').split(',') as Part[];
  const lines = ['| part | CPU per event | rebuild rate | of the limit |', '| --- | --- | --- | --- |'];
  for (let round = 0; round < Number(process.env.ROUNDS ?? 1); round++)
    for (const p of parts) lines.push(await part(events, dir, p));
  process.stdout.write(`${lines.join('\n')}\n`);
  await events.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
