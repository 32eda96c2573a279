import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ManualClock } from '../../src/shared/clock';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('memory', async () => {
  const clock = new ManualClock();
  const store = new MemoryEventStore(clock);
  return { store, clock, dispose: () => store.close() };
});
