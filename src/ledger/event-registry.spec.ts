import { eventCodec } from './event-codec';
import type { StoredEvent } from './event-envelope';
import { EventRegistry } from './event-registry';
import { streamCategory, streamEntityId, streamName } from './stream-name';
import { storedEvent } from './testing/stored-events';

type Renamed = { type: 'partner-renamed'; data: { name: string } };

const partners = {
  category: 'partner',
  codec: eventCodec<Renamed>({
    'partner-renamed': { version: 2, upcasters: { 1: (d: { newName: string }) => ({ name: d.newName }) } },
  }),
};

const stored = (streamId: string, schemaVersion: number, data: unknown): StoredEvent =>
  storedEvent({ streamId, type: 'partner-renamed', schemaVersion, data, position: 7 });

describe('EventRegistry', () => {
  const registry = new EventRegistry([partners]);

  it('given an event stored at an old version, when decoded, then its data is upcast and its envelope kept as stored', () => {
    const old = stored('partner-p1', 1, { newName: 'ICB' });
    expect(registry.decode(old)).toEqual({ ...old, data: { name: 'ICB' } });
  });

  it('given an event at the current version, when decoded, then it is the stored event itself (no copy per event)', () => {
    const current = stored('partner-p1', 2, { name: 'ICB' });
    expect(registry.decode(current)).toBe(current);
  });

  it('finds the codec by the stream category and refuses a category or type no codec declares', () => {
    expect(registry.categories).toEqual(['partner']);
    expect(registry.knows(stored('partner-p1', 2, {}))).toBe(true);
    expect(registry.knows({ streamId: 'partner-p1', type: 'partner-vanished' })).toBe(false);
    expect(registry.knows(stored('board-b1', 2, {}))).toBe(false);
    expect(() => registry.decode(stored('board-b1', 2, {}))).toThrow('No codec for stream category board');
  });

  it('refuses two codecs for one category', () => {
    expect(() => new EventRegistry([partners, partners])).toThrow('Two codecs for stream category partner');
  });
});

describe('stream names', () => {
  it('split into the category before the first dash and the id after it', () => {
    const name = streamName('decision', 'wseb-2022-05-10-d1');
    expect(name).toBe('decision-wseb-2022-05-10-d1');
    expect(streamCategory(name)).toBe('decision');
    expect(streamEntityId(name)).toBe('wseb-2022-05-10-d1');
    expect(streamEntityId('nodash')).toBe('nodash');
  });
});
