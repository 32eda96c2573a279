/** The demo thematic reviews and audits: every step cites a source document, and the ledger's text carries it. */
import { allActions } from './collect';
import { demoData } from './index';

const SEED_FILES = [
  '000_64efb88b0888e5ea.txt',
  '001_c61fdfe20dc690cb.txt',
  '002_e4c9ba3f51106e75.txt',
  '003_3138b66d3f6a209c.txt',
  '004_b85c101c21a9f075.txt',
];
const steps = demoData.assuranceRecords.flatMap((r) => r.steps.map((s) => ({ id: r.id, ...s })));
const texts = (body: Record<string, unknown>) =>
  ['title', 'text', 'templates', 'workingGroup'].map((k) => body[k]).filter((v): v is string => typeof v === 'string');

describe('demo data: assurance records', () => {
  it('given every step, then it cites at least one source document by file name and place', () => {
    const uncited = steps.filter(
      (s) => s.cites.length === 0 || s.cites.some((c) => !SEED_FILES.includes(c.file) || !c.where),
    );
    expect(uncited).toEqual([]);
  });

  it('given a step that writes text, then that text names a document the step cites, or says it is illustrative', () => {
    const silent = steps.filter(
      (s) =>
        texts(s.body).length > 0 &&
        !texts(s.body).some((t) => t.includes('(illustrative)') || s.cites.some((c) => t.includes(c.file))),
    );
    expect(silent).toEqual([]);
  });

  it('given the partners, boards and actions the records name, then each is in the data set', () => {
    const known = new Set([
      ...demoData.partners.map((p) => p.id),
      ...demoData.boards.map((b) => b.id),
      ...allActions(demoData).map((a) => a.id),
    ]);
    const named = steps.flatMap((s) => [
      ...((s.body.partnerIds as string[] | undefined) ?? []),
      ...(typeof s.body.boardId === 'string' ? [s.body.boardId] : []),
      ...(typeof s.body.actionId === 'string' ? [s.body.actionId] : []),
      ...(s.path.startsWith('plans/') ? [s.path.split('/')[1]] : []),
    ]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
});
