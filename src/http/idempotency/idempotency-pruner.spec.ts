import { loadConfig } from '../../config/app-config';
import { ManualClock } from '../../shared/clock';
import { RecordingLeadership } from '../../shared/testing/recording-leadership';
import { IdempotencyPruner } from './idempotency-pruner';
import { MemoryIdempotencyStore } from './idempotency.store';

const HOUR = 3_600_000;

describe('IdempotencyPruner', () => {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const store = new MemoryIdempotencyStore({ clock, hours: 24 });

  it('given another instance leads the prune schedule, when a round is due here, then nothing is deleted; as leader it deletes the rows past the window, under a lease of one hour plus the margin', async () => {
    store.put('user-1', 'old', { fingerprint: 'f', status: 201, body: {} });
    clock.advance(2 * HOUR);
    store.put('user-1', 'recent', { fingerprint: 'f', status: 201, body: {} });
    clock.advance(23 * HOUR);
    const prune = jest.spyOn(store, 'prune');
    const leadership = new RecordingLeadership();
    const config = loadConfig({
      SHARED_STATE: 'postgres',
      DATABASE_URL: 'postgres://db/ledger',
      LEADER_LEASE_SECONDS: '60',
    });
    const pruner = new IdempotencyPruner(config, store, clock, leadership);

    expect(await pruner.tick()).toBe(0);
    expect(prune).not.toHaveBeenCalled();

    leadership.leads = true;
    expect(await pruner.tick()).toBe(1);
    expect(leadership.asked).toEqual([
      ['idempotency-prune', 61 * 60_000],
      ['idempotency-prune', 61 * 60_000],
    ]);
    clock.set('2026-03-01T09:00:00Z'); // back before either window ended: only the deleted row is missing
    expect(store.get('user-1', 'old')).toBeUndefined();
    expect(store.get('user-1', 'recent')).toBeDefined();
  });
});
