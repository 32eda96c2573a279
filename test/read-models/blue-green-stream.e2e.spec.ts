import { Global, Module, type Type } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardDoc } from '../../projections/boards/board-doc';
import { boardsProjection } from '../../projections/boards/boards.projection';
import type { Projection } from '../../projections/projection';
import { PROJECTION_OVERRIDES, type ProjectionOverrides } from '../../src/read-models/projection-overrides';
import { newEvent } from '../support/events';
import { send } from '../support/http';
import { messages, openStream, readUntil, type SseMessage } from '../support/sse';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

const BOARDS = 30;
const boardId = (i: number) => `board-${String(i).padStart(2, '0')}`;
const indexOf = (id: string) => Number(id.slice('board-'.length));

/** A version of the boards projection that leaves the boards `hidden` names unregistered (not served). */
const boardsVersion = (version: number, hidden: (i: number) => boolean, name: (n: string) => string) =>
  ({
    ...boardsProjection,
    version,
    evolve: (doc, event) => {
      const next = boardsProjection.evolve(doc, event);
      return hidden(indexOf(next.boardId)) ? { ...next, exists: false } : { ...next, name: name(next.name) };
    },
  }) satisfies Projection<BoardDoc>;

/** Served before the change: every fifth board hidden. */
const served = boardsVersion(
  boardsProjection.version,
  (i) => i % 5 === 0,
  (n) => n,
);
/** The next version: every third board gone, the fifth ones back (added), every name in capitals (changed). */
const next = boardsVersion(
  boardsProjection.version + 1,
  (i) => i % 3 === 0,
  (n) => n.toUpperCase(),
);

/** A module providing these overrides, for the app's `extra` modules. */
function overriding(overrides: ProjectionOverrides): Type {
  @Global()
  @Module({ providers: [{ provide: PROJECTION_OVERRIDES, useValue: overrides }], exports: [PROJECTION_OVERRIDES] })
  class Overrides {}
  return Overrides;
}

type Board = { boardId: string } & Record<string, unknown>;

/** What a fresh GET of the whole register answers, by board id. */
async function register(t: ProjectionsTestApp, token: string): Promise<Map<string, Board>> {
  const res = await send(t, '/boards?limit=200', undefined, { method: 'GET', token });
  expect(res.status).toBe(200);
  return new Map((res.body as { items: Board[] }).items.map((b) => [b.boardId, b]));
}

/**
 * What a front-end holds after applying a stream's messages to the register it had fetched: a
 * "board" puts that board in place, a "reset" drops everything held (the current documents follow).
 */
function apply(held: Map<string, Board>, received: SseMessage[]): Map<string, Board> {
  const boards = new Map(held);
  for (const m of received) {
    if (m.event === 'reset') boards.clear();
    if (m.event === 'board') {
      const board = JSON.parse(m.data!) as Board;
      boards.set(board.boardId, board);
    }
  }
  return boards;
}

const boardIn = (id: string) => (text: string) =>
  messages(text).some((m) => m.event === 'board' && (JSON.parse(m.data!) as Board).boardId === id);

/** Ids compared as positions (opaque: compared, never computed): never decreasing. */
const ascending = (ids: string[]) => ids.every((id, i) => i === 0 || Number(ids[i - 1]) <= Number(id));

/**
 * SSE clients across a blue-green switch-over, through the whole app on SQLite: the new version of
 * the boards projection builds beside the served one, its switch-over held (beforeSwitchOver) until
 * the clients are connected, so nothing depends on how fast the machine rebuilds.
 */
describe('blue-green switch-over: live streams (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'blue-green-stream-'));
  const env = { LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'NORMAL' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given clients of the served version, when the next version switches over, then each holds exactly what a fresh GET answers, connected throughout or reconnecting with its Last-Event-ID', async () => {
    // Given: the served version over BOARDS boards, and what one of its clients held: the register
    // and the id of the last board it was streamed.
    const first = await startProjectionsApp(env, [overriding({ projections: [served] })]);
    let lastServed = -1;
    for (let i = 0; i < BOARDS; i++) {
      const data = { boardId: boardId(i), name: `Board ${i}`, kind: 'executive-board' };
      const event = newEvent('board-registered', data);
      lastServed = (await first.store.append(`board-${boardId(i)}`, [event], 'no_stream')).position;
    }
    await first.runner.waitFor(lastServed, 60_000);
    const before = await register(first, await first.token());
    await first.close();
    expect(before.size).toBe(BOARDS - BOARDS / 5);

    // When: the service restarts with the next version, which builds beside the served one, held
    // once caught up; a client fetches the register and opens the stream meanwhile, and a board is
    // registered before the switch-over.
    let caughtUp!: () => void;
    const built = new Promise<void>((resolve) => (caughtUp = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const beforeSwitchOver = (projection: string) => {
      if (projection === boardsProjection.name) caughtUp();
      return released;
    };
    const second = await startProjectionsApp(env, [overriding({ projections: [next], beforeSwitchOver })]);
    const open: IncomingMessage[] = [];
    try {
      await second.app.listen(0, '127.0.0.1');
      const token = await second.token();
      await built;
      const connected = await register(second, token);
      expect(connected).toEqual(before);
      const live = await openStream(second.app, '/boards/stream', token);
      open.push(live);
      const added = (
        await second.store.append(
          'board-board-new',
          [newEvent('board-registered', { boardId: 'board-new', name: 'Board new', kind: 'executive-board' })],
          'no_stream',
        )
      ).position;
      const liveText = readUntil(live, boardIn('board-new'));
      release();
      await second.runner.waitFor(added);
      const after = await register(second, token);

      // Then: the client connected throughout holds the new version's register, in ascending ids.
      const received = messages(await liveText);
      expect(after.get('board-01')?.name).toBe('BOARD 1');
      expect(after.has('board-03')).toBe(false);
      expect(after.has('board-05')).toBe(true);
      expect(apply(connected, received)).toEqual(after);
      expect(ascending(received.filter((m) => m.id !== undefined).map((m) => m.id!))).toBe(true);

      // And: a client that held the served version's last id, reconnecting after the switch-over, too.
      const resumed = await openStream(second.app, '/boards/stream', token, { 'last-event-id': String(lastServed) });
      open.push(resumed);
      const resumedText = messages(await readUntil(resumed, boardIn('board-new')));
      expect(apply(before, resumedText)).toEqual(after);

      // And: the connected client, reconnecting with the last id it got, is sent only what follows.
      const lastId = received.filter((m) => m.id !== undefined).at(-1)!.id!;
      const again = await openStream(second.app, '/boards/stream', token, { 'last-event-id': lastId });
      open.push(again);
      const later = (
        await second.store.append(
          'board-board-later',
          [newEvent('board-registered', { boardId: 'board-later', name: 'Board later', kind: 'executive-board' })],
          'no_stream',
        )
      ).position;
      const againText = messages(await readUntil(again, boardIn('board-later')));
      expect(againText.filter((m) => m.event !== undefined)).toEqual([
        { event: 'board', id: String(later), data: expect.stringContaining('"boardId":"board-later"') },
      ]);
    } finally {
      for (const res of open) res.destroy();
      await second.close();
    }
  });
});
