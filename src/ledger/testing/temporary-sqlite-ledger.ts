import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../shared/clock';
import type { NewEvent } from '../event-envelope';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

/** A new event for the store's own specs, named by `id` (its data too), so a spec can say which one it reads back. */
export const namedEvent = (id: string, type = 'thing-noted'): NewEvent => ({
  id,
  type,
  schemaVersion: 1,
  data: { id },
  metadata: {
    actor: { userId: 'u', role: 'admin', agency: 'a' },
    correlationId: id,
    causationId: id,
    occurredAt: '2022-05-10T09:30:00.000Z',
  },
});

/**
 * A SQLite ledger in a fresh temporary directory, for the store's own specs: its directory, file and
 * writing store; `remove` closes the store and deletes the directory. Test support only.
 */
export function temporarySqliteLedger(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'ledger.sqlite');
  const store = new SqliteEventStore({ file }, new ManualClock());
  return {
    dir,
    file,
    store,
    remove: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
