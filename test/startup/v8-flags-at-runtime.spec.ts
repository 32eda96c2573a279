import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HANG_GUARD_MS } from '../support/hang-guard';

const CHILD = join(__dirname, 'support', 'reducer-child.js');
/** The reducer's trace lines this test steers by (V8 11's --trace-gc-verbose). */
const BETWEEN_COLLECTIONS = /Memory reducer: finished GC #1 \(will do more\)/;
const NEXT_COLLECTION = /Memory reducer: started GC #2/;

interface Attempt {
  /** The child acted while its reducer was between its first and second collection. */
  inWindow: boolean;
  /** The reducer started its second collection after the child acted: it got past the step that checks. */
  nextCollectionStarted: boolean;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * One child, given a byte as soon as its reducer has finished its first collection and waits (500 ms)
 * to start the second. It ends when it dies, or is stopped once the second collection has started.
 */
function attempt(mode: 'set' | 'load'): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--trace-gc-verbose', '--max-semi-space-size=1', CHILD, mode], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
    let stdout = '';
    let stderr = '';
    let sent = false;
    let acted = false;
    let inWindow = false;
    let nextCollectionStarted = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (!sent && BETWEEN_COLLECTIONS.test(line)) {
          sent = true;
          child.stdin.write('x');
        } else if (line === 'ACTED') {
          acted = true;
          inWindow = true;
        } else if (NEXT_COLLECTION.test(line)) {
          // Past the step that checks the flag, or the byte came too late for the window: done either way.
          nextCollectionStarted = acted;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ inWindow, nextCollectionStarted, signal: signal === 'SIGKILL' ? null : signal, stderr });
    });
  });
}

/** Attempts until one acts inside the window: a busy machine can deliver the byte after it closes. */
async function actBetweenCollections(mode: 'set' | 'load'): Promise<Attempt> {
  for (let tries = 1; ; tries++) {
    const result = await attempt(mode);
    if (result.inWindow || tries === 5) return result;
  }
}

describe("the service's V8 flags are set only at the start of a process", () => {
  it('given a running process whose memory reducer is between collections, when the flag is set there, then V8 kills it', async () => {
    const result = await actBetweenCollections('set');

    expect(result.inWindow).toBe(true);
    expect(result.signal).toBe('SIGTRAP');
    expect(result.stderr).toContain('memory_reducer_single_gc implies state.started_gcs() == 0');
  });

  it('given the same process, when it loads the modules tests read the flags from, then it lives through the next collection', async () => {
    const result = await actBetweenCollections('load');

    expect(result.inWindow).toBe(true);
    expect(result.nextCollectionStarted).toBe(true);
    expect(result.signal).toBeNull();
  });
});
