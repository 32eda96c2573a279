import { ownerKey, ownerLabel, ownerName, sameOwners, type ActionOwner } from './action-owner';

const person: ActionOwner = { kind: 'person', personId: 'p-jones' };
const partner: ActionOwner = { kind: 'partner', partnerId: 'wcc' };
const team: ActionOwner = { kind: 'team', name: ' WS Business Team ' };

describe('action owners', () => {
  it('given each kind of owner, then its label is kind:id, a team as written', () => {
    expect([person, partner, team].map(ownerLabel)).toEqual([
      'person:p-jones',
      'partner:wcc',
      'team: WS Business Team ',
    ]);
    expect([person, partner, team].map(ownerName)).toEqual(['p-jones', 'wcc', ' WS Business Team ']);
  });

  it('given a team, then its key ignores case and surrounding spaces; people and partners key as labelled', () => {
    expect(ownerKey(team)).toBe('team:ws business team');
    expect(ownerKey({ kind: 'team', name: 'ws business team' })).toBe(ownerKey(team));
    expect([person, partner].map(ownerKey)).toEqual([person, partner].map(ownerLabel));
  });

  it('given the same owners spelt differently and in another order, then they are the same owners', () => {
    expect(sameOwners([team, person], [person, { kind: 'team', name: 'ws business team' }])).toBe(true);
    expect(sameOwners([team], [{ kind: 'team', name: 'Another Team' }])).toBe(false);
  });
});
