/**
 * Where a rebuild's time goes, over a ledger kept by `KEEP_LEDGER=<dir> npm run bench:projections`:
 *   npm run bench:rebuild-parts -- <dir>      (PARTS=noop,evolve,stringify,full ROUNDS=1 to choose)
 * Each part rebuilds every projection from an empty read-model file through the real runner:
 *   noop       four projections that handle nothing: reading, parsing and the runner alone;
 *   evolve     the real projections, with commits that write checkpoints but no documents;
 *   stringify  as evolve, plus JSON.stringify of every changed document;
 *   full       the real rebuild (documents + checkpoint + snapshot layer per commit).
 * The raw read is measured in the same process before each part: the machine is shared.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Projection } from '../projections/projection';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { AS_OF_SOURCES } from '../src/read-models/as-of/as-of.providers';
import { ProjectionRunner } from '../src/read-models/projection-runner';
import { PROJECTIONS } from '../src/read-models/projections.module';
import { ReadModelStore } from '../src/read-models/read-model-store';
import { systemClock } from '../src/shared/clock';
import { scanLog } from './support/ledger';

type Part = 'noop' | 'evolve' | 'stringify' | 'full';

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

async function part(events: SqliteEventStore, dir: string, which: Part): Promise<string> {
  const raw = await scanLog(events, 500);
  const file = join(dir, `parts-${which}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const store =
    which === 'evolve' || which === 'stringify'
      ? new NoDocumentStore(file, which === 'stringify')
      : new ReadModelStore(file, { snapshotProjections: AS_OF_SOURCES.map((s) => s.projection.name) });
  const runner = new ProjectionRunner(
    events,
    store,
    which === 'noop' ? PROJECTIONS.map((p) => noop(p.name)) : PROJECTIONS,
  );
  const cpu = process.cpuUsage();
  const start = performance.now();
  runner.start();
  await runner.waitFor(raw.head, 60 * 60_000);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  await runner.stop();
  store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const rate = raw.count / seconds;
  return `| ${which} | ${((used.user + used.system) / raw.count).toFixed(1)} µs | ${Math.round(rate)} events/s = ${((100 * rate) / raw.eventsPerSecond).toFixed(0)} % of raw read (${Math.round(raw.eventsPerSecond)} events/s) |`;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir)
    throw new Error(
      'Usage: npm run bench:rebuild-parts -- <dir holding ledger.sqlite, from KEEP_LEDGER=<dir> npm run bench:projections>',
    );
  const events = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') }, systemClock);
  const parts = (process.env.PARTS ?? 'noop,evolve,stringify,full').split(',') as Part[];
  const lines = ['| part | CPU per event | rebuild rate |', '| --- | --- | --- |'];
  for (let round = 0; round < Number(process.env.ROUNDS ?? 1); round++)
    for (const p of parts) lines.push(await part(events, dir, p));
  process.stdout.write(`${lines.join('\n')}\n`);
  await events.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
