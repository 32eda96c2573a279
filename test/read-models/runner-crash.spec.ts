import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { toAppends } from './support/action-histories';
import { appendAll, dump, rebuild, runOnce } from './support/runner-harness';

const CHILD = join(__dirname, 'support', 'crash-child.js');

/**
 * Starts the runner in a child process and lets it go on after each commit line until it has printed
 * `commits` of them (or caught up); it then waits there, after a commit, for the parent's next byte.
 */
function runChildUntil(
  ledger: string,
  readModels: string,
  commits: number,
): Promise<{ child: ChildProcess; caughtUp: boolean }> {
  const child = spawn(process.execPath, [CHILD, ledger, readModels, '20'], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = 0;
    let stderr = '';
    let partial = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited (${code ?? signal}): ${stderr}`));
    });
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'caught-up') resolve({ child, caughtUp: true });
        else if (line.startsWith('committed') && ++seen >= commits) resolve({ child, caughtUp: false });
        else if (line.startsWith('committed')) child.stdin.write('g');
      }
    });
  });
}

/** Lets the waiting child go on for `ms` (at most to its next commit, where it waits again), then kills it. */
async function releaseAndKill(child: ChildProcess, ms: number): Promise<void> {
  if (ms > 0) {
    child.stdin?.write('g');
    await new Promise((r) => setTimeout(r, ms));
  }
  await kill(child);
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('projection runner: killed with SIGKILL during catch-up, ten times in a row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'projections-crash-'));
  const ledger = join(dir, 'ledger.sqlite');
  const readModels = join(dir, 'read-models.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from its checkpoint each time and ends with exactly the documents a fresh rebuild gives', async () => {
    const seed = new SqliteEventStore({ file: ledger, synchronous: 'NORMAL' }, new ManualClock());
    const steps = Array.from({ length: 3000 }, (_, n) => ({ action: (n * 7) % 80, kind: n % 8 }));
    const head = await appendAll(seed, toAppends(steps, [5, 500, 2999]));
    await seed.close();

    const checkpoints: number[] = [];
    // Ten kills in a row (the bar), each after this many commits, some at once (the child waits
    // just after a commit) and some a few milliseconds after letting it go on, so they land between
    // commits. 3000 events in batches of 20 is ~150 commits and the child gets at most one commit past
    // the count, so all ten stay mid catch-up on any machine.
    const kills = [
      [3, 0],
      [10, 2],
      [1, 1],
      [25, 0],
      [7, 3],
      [4, 1],
      [15, 0],
      [2, 2],
      [12, 1],
      [6, 0],
    ];
    for (const [commits, jitterMs] of kills) {
      const { child, caughtUp } = await runChildUntil(ledger, readModels, commits);
      expect(caughtUp).toBe(false);
      await releaseAndKill(child, jitterMs);
      const store = new ReadModelStore(readModels);
      checkpoints.push(store.checkpoint(actionLogProjection.name)?.position ?? -1);
      store.close();
    }
    // Every kill landed mid catch-up, and each run carried on from where the last one got to.
    expect(checkpoints).toHaveLength(10);
    expect(checkpoints.every((c) => c >= 0 && c < head)).toBe(true);
    expect(checkpoints).toEqual([...checkpoints].sort((a, b) => a - b));
    expect(new Set(checkpoints).size).toBe(checkpoints.length);

    const events = new SqliteEventStore({ file: ledger }, new ManualClock());
    const store = new ReadModelStore(readModels);
    try {
      await runOnce(events, store, head);
      expect(dump(store)).toEqual(await rebuild(events, head));
    } finally {
      store.close();
      await events.close();
    }
  });
});
