import { join } from 'node:path';
import { StreamSelector } from '../../src/evidence/pack/build/select-streams';
import type { PackScope } from '../../src/evidence/domain/pack-scope';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { syntheticLedger } from './support/synthetic-ledger';

const RECORD = /^(decision|signoff|action|escalation|protocol|budget)-/;

describe('which streams a pack holds (scope rules on a synthetic ledger)', () => {
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await syntheticLedger();
  });

  const select = async (scope: Partial<PackScope>) => {
    const selector = new StreamSelector(request(scope).scope);
    for (const e of await store.readAll()) selector.observe(e);
    return selector.result();
  };
  const records = async (scope: Partial<PackScope>) =>
    [...(await select(scope)).keys()].filter((s) => RECORD.test(s)).sort();

  describe('period', () => {
    it('includes a record with any event in [from, to] and leaves out one whose events are all before', async () => {
      expect(await records({})).toEqual([
        'action-a1',
        'action-a2',
        'budget-2022-23',
        'decision-d1',
        'escalation-e1',
        'protocol-pr1',
        'signoff-s1',
      ]);
    });
    it('leaves out a record whose events all fall before from', async () => {
      expect(await records({ from: '2022-05-01' })).not.toContain('action-a1');
      expect(await records({ from: '2022-04-01', to: '2022-04-01' })).toEqual(['action-a1', 'budget-2022-23']);
    });
    it('keeps each stream whole from revision 0 up to its last event on or before to', async () => {
      const streams = await select({});
      expect(streams.get('action-a2')).toBe(0); // the 2023 progress note is after the period
      expect(streams.get('action-a1')).toBe(1);
      expect(streams.get('protocol-pr1')).toBe(0); // defined before the period, included for e1
      expect((await select({ to: '2023-12-31' })).get('action-a2')).toBe(1);
    });
  });

  describe('kinds', () => {
    it('picks stream categories by record kind', async () => {
      expect(await records({ records: ['actions'] })).toEqual(['action-a1', 'action-a2']);
      expect(await records({ records: ['decisions'] })).toEqual(['decision-d1', 'signoff-s1']);
      expect(await records({ records: ['escalations'] })).toEqual(['escalation-e1', 'protocol-pr1']);
      expect(await records({ records: ['funding'] })).toEqual(['budget-2022-23']);
    });
  });

  describe('boards', () => {
    it("keeps records whose meeting is the board's, and those with no meeting at all", async () => {
      expect(await records({ boardIds: ['b1'] })).toEqual([
        'action-a1',
        'budget-2022-23',
        'escalation-e1',
        'protocol-pr1',
      ]);
    });
    it("leaves out records of another board's meetings, with their sign-offs", async () => {
      const b2 = await records({ boardIds: ['b2'] });
      expect(b2).toEqual(['action-a2', 'budget-2022-23', 'decision-d1', 'escalation-e1', 'protocol-pr1', 'signoff-s1']);
      expect(b2).not.toContain('action-a1');
    });
  });

  describe('partners', () => {
    it('matches parties, a person owner by the partner their person record names', async () => {
      expect(await records({ partnerIds: ['p1'] })).toEqual([
        'action-a1',
        'budget-2022-23',
        'escalation-e1',
        'protocol-pr1',
        'signoff-s1',
      ]);
    });
    it('leaves out records the partner is no party to (sign-offs of its decisions come with them)', async () => {
      expect(await records({ partnerIds: ['p2'] })).toEqual([
        'action-a2',
        'decision-d1',
        'escalation-e1',
        'protocol-pr1',
        'signoff-s1',
      ]);
      expect(await records({ partnerIds: ['nobody'] })).toEqual([]);
    });
  });

  describe('themes', () => {
    it('matches whole words ignoring case and spacing', async () => {
      expect(await records({ themes: ['exploitation'] })).toEqual(['action-a1', 'decision-d1', 'signoff-s1']);
      expect(await records({ themes: ['mash front door'] })).toEqual(['action-a2']);
      expect(await records({ themes: ['staffing', 'strategy meeting'] })).toEqual([
        'budget-2022-23',
        'escalation-e1',
        'protocol-pr1',
      ]);
    });
    it('does not match part of a word or a theme in no record', async () => {
      expect(await records({ themes: ['exploit'] })).toEqual([]);
      expect(await records({ themes: ['neglect'] })).toEqual([]);
    });
  });

  describe('context', () => {
    it("adds the records' meetings, boards, partners and persons, and nothing else", async () => {
      const streams = [...(await select({ records: ['actions'], boardIds: ['b1'] })).keys()].sort();
      expect(streams).toEqual(['action-a1', 'board-b1', 'meeting-m1', 'partner-p1', 'person-alice']);
    });
  });

  describe('a built pack', () => {
    const tmp = tempDir();
    afterAll(() => tmp.remove());

    it('holds exactly the selected revisions, verifies, and projects as at the end of the period', async () => {
      const file = join(tmp.dir, 'b2.zip');
      const manifest = await buildToFile(
        store,
        request({ boardIds: ['b2'], records: ['actions'], to: '2022-12-31' }),
        file,
      );
      const files = await unzip(file);
      const events = files
        .get('events.ndjson')!
        .toString()
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { streamId: string; revision: number });
      expect(events.map((e) => `${e.streamId}@${e.revision}`)).toEqual([
        'board-b2@0',
        'partner-p2@0',
        'meeting-m2@0',
        'action-a2@0',
      ]);
      expect(manifest.scope.boardIds).toEqual(['b2']);
      expect((await verifyPack(file)).problems).toEqual([]);
      const rows = files.get('action-log.csv')!.toString().split('\r\n');
      expect(rows[1]).toMatch(/^a2,b2,m2,2,Audit the MASH {2}front door,partner:p2,open,true,2022-09-30,/);
      expect(rows).toHaveLength(3); // header, a2, and the final line end
    });

    it('builds an empty but valid pack when nothing is in scope', async () => {
      const file = join(tmp.dir, 'empty.zip');
      const manifest = await buildToFile(store, request({ themes: ['neglect'] }), file);
      expect(manifest.positions).toEqual({ from: null, to: null });
      expect((await verifyPack(file)).ok).toBe(true);
    });
  });
});
