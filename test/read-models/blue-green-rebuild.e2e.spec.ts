import { Global, Module } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardDoc } from '../../projections/boards/board-doc';
import { boardsProjection } from '../../projections/boards/boards.projection';
import type { Projection } from '../../projections/projection';
import { PROJECTION_OVERRIDES, type ProjectionOverrides } from '../../src/read-models/projection-overrides';
import { newEvent } from '../support/events';
import { send } from '../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/** Boards registered straight into the ledger: three pages of the runner's catch-up (500 events each). */
const BOARDS = 1200;

/** The boards projection at its next version, as a changed evolve would ship: every name in capitals. */
const nextBoards: Projection<BoardDoc> = {
  ...boardsProjection,
  version: boardsProjection.version + 1,
  evolve: (doc, event) => {
    const next = boardsProjection.evolve(doc, event);
    return { ...next, name: next.name.toUpperCase() };
  },
};

/** One answer a reading client got: which read, its status and what it showed (board names). */
interface Answer {
  read: 'list' | 'one';
  status: number;
  names: string[];
}

const READS = { list: '/boards?limit=20', one: '/boards/board-0012' } as const;

async function read(t: ProjectionsTestApp, token: string, which: Answer['read']): Promise<Answer> {
  const res = await send(t, READS[which], undefined, { method: 'GET', token });
  const body = res.body as { items?: { name: string }[]; name?: string } | undefined;
  const names = which === 'list' ? (body?.items ?? []).map((b) => b.name) : body?.name ? [body.name] : [];
  return { read: which, status: res.status, names };
}

/**
 * Blue-green rebuild through the whole app on SQLite: a projection whose version changes builds
 * beside the served one while every read keeps answering from the old version, then replaces it in
 * one switch-over. The switch-over is held (ProjectionOverrides.beforeSwitchOver) until the test has
 * read during the build, so nothing here depends on how fast the machine rebuilds.
 */
describe('blue-green projection rebuild (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'blue-green-'));
  const env = { LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'NORMAL' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a version change, then reads answer the old documents, whole and 2xx, until one switch-over to the new', async () => {
    // Given: the served version over a ledger of BOARDS boards.
    const first = await startProjectionsApp(env);
    let last = -1;
    for (let i = 0; i < BOARDS; i++) {
      const boardId = `board-${String(i).padStart(4, '0')}`;
      const data = { boardId, name: `Board ${i}`, kind: 'executive-board' };
      last = (await first.store.append(`board-${boardId}`, [newEvent('board-registered', data)], 'no_stream')).position;
    }
    await first.runner.waitFor(last, 60_000);
    const firstToken = await first.token();
    const before = { list: await read(first, firstToken, 'list'), one: await read(first, firstToken, 'one') };
    await first.close();
    expect(before.list.names).toHaveLength(20);
    expect(before.one).toEqual({ read: 'one', status: 200, names: ['Board 12'] });
    const after = {
      list: { ...before.list, names: before.list.names.map((n) => n.toUpperCase()) },
      one: { ...before.one, names: ['BOARD 12'] },
    };

    // When: the service restarts with the boards projection at its next version, its switch-over held.
    let caughtUp!: () => void;
    const built = new Promise<void>((resolve) => (caughtUp = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const overrides: ProjectionOverrides = {
      projections: [nextBoards],
      beforeSwitchOver: (projection) => {
        if (projection === boardsProjection.name) caughtUp();
        return released;
      },
    };
    @Global()
    @Module({ providers: [{ provide: PROJECTION_OVERRIDES, useValue: overrides }], exports: [PROJECTION_OVERRIDES] })
    class NextBoardsVersion {}
    const second = await startProjectionsApp(env, [NextBoardsVersion]);
    try {
      const token = await second.token();
      const answers: Answer[] = [];
      const next = () => new Promise((resolve) => setImmediate(resolve));
      let stop = false;
      const reading = (async () => {
        for (let i = 0; !stop; i++) {
          answers.push(await read(second, token, i % 2 === 0 ? 'list' : 'one'));
          // An injected request can answer in microtasks alone: let timers and I/O (the runner) run between reads.
          await next();
        }
      })();
      const answered = async (n: number) => {
        while (answers.length < n) await next();
      };

      // The new version reaches the head beside the old one; reads go on meanwhile and after.
      await built;

      const held = answers.length;
      await answered(held + 4);
      const health = await send(second, '/health', undefined, { method: 'GET', token: '' });
      expect(health.body.parts.projections[boardsProjection.name]).toMatchObject({
        status: 'up',
        version: nextBoards.version,
        rebuild: { inProgress: true, servedVersion: boardsProjection.version },
      });
      const whileBuilding = answers.length;
      release();
      while (second.runner.states().some((p) => p.rebuild)) await next();
      await answered(answers.length + 4);
      stop = true;
      await reading;

      // Then: every answer 2xx and whole, the old documents exactly until the switch-over, the new ones after.
      const version = answers.map((a) =>
        JSON.stringify(a) === JSON.stringify(before[a.read])
          ? 'old'
          : JSON.stringify(a) === JSON.stringify(after[a.read])
            ? 'new'
            : a,
      );
      expect(version.filter((v) => v !== 'old' && v !== 'new')).toEqual([]);
      const switchedAt = version.indexOf('new');
      expect(switchedAt).toBeGreaterThanOrEqual(whileBuilding);
      expect(version.slice(0, switchedAt).every((v) => v === 'old')).toBe(true);
      expect(version.slice(switchedAt).every((v) => v === 'new')).toBe(true);
      expect(answers.length - switchedAt).toBeGreaterThanOrEqual(4);
      expect((await send(second, '/health', undefined, { method: 'GET', token: '' })).body).not.toHaveProperty(
        `parts.projections.${boardsProjection.name}.rebuild`,
      );
    } finally {
      await second.close();
    }
  });
});
