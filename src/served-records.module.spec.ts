import { SERVED_KINDS } from './shared/serves';
import { CITABLE_SOURCES } from './served-records.module';

describe('the sources that check what a record serves', () => {
  it('given every kind a record may cite, then exactly one context checks it (none is taken as given)', () => {
    const owners = SERVED_KINDS.map((kind) => ({
      kind,
      sources: CITABLE_SOURCES.filter((s) => s.kinds.includes(kind)).length,
    }));
    expect(owners.filter((o) => o.sources !== 1)).toEqual([]);
  });
});
