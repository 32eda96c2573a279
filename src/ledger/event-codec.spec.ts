import { eventCodec } from './event-codec';

type Renamed = { type: 'partner-renamed'; data: { name: string; effectiveFrom: string } };

describe('eventCodec', () => {
  const codec = eventCodec<Renamed>({
    'partner-renamed': {
      version: 2,
      upcasters: { 1: (d: { newName: string; from: string }) => ({ name: d.newName, effectiveFrom: d.from }) },
    },
  });

  it('given an event stored at an old schema version, when decoded, then it is upcast to the current shape', () => {
    expect(
      codec.decode({ type: 'partner-renamed', schemaVersion: 1, data: { newName: 'ICB', from: '2022-07-01' } }),
    ).toEqual({ type: 'partner-renamed', data: { name: 'ICB', effectiveFrom: '2022-07-01' } });
  });

  it('given an event at the current version, when decoded, then its data is kept as stored', () => {
    const data = { name: 'ICB', effectiveFrom: '2022-07-01' };
    expect(codec.decode({ type: 'partner-renamed', schemaVersion: 2, data })).toEqual({
      type: 'partner-renamed',
      data,
    });
    expect(codec.versionOf('partner-renamed')).toBe(2);
  });

  it('refuses an unknown type and a version with no upcaster', () => {
    expect(() => codec.decode({ type: 'nope', schemaVersion: 1, data: {} })).toThrow('Unknown event type');
    const broken = eventCodec<Renamed>({ 'partner-renamed': { version: 3 } });
    expect(() => broken.decode({ type: 'partner-renamed', schemaVersion: 2, data: {} })).toThrow('No upcaster');
  });
});
