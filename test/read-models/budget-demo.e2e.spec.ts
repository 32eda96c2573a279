import { demoReadSuite } from './support/projections-app';
import { YEAR_END_2016_17 } from './support/year-end-2016-17';

/**
 * The Warwickshire SCB's 2016-17 carry-forward over the demo data loaded through the API
 * (demo/data/funding-2016-17.ts, from the 2016-17 annual report): on the board's own budget,
 * £110,139 brought forward, £63,096 spent of it and £47,043 carried on; the report's three parts
 * of the £63,096 add up to £63,038, and the £58 between them is shown, not hidden.
 */
describe('the 2016-17 carry-forward over the demo data', () => {
  const { get } = demoReadSuite();

  it('given the demo loaded, then 2016-17 reads £110,139 brought forward and £63,096 spent, with the £58 the parts fall short shown as such', async () => {
    const year = (await get('/budgets/warwickshire-scb/2016-17/contributions')) as {
      ownerId: string;
      yearEnd: Record<string, unknown>;
    };
    expect(year.ownerId).toBe('warwickshire-scb');
    expect(year.yearEnd).toMatchObject({
      closed: true,
      budgetHeld: false,
      source: expect.stringContaining('003_3138b66d3f6a209c.txt'),
      ...YEAR_END_2016_17,
    });
    expect(year.yearEnd.source).toMatch(/Illustrative: the date it is recorded on \(2017-04-03\)/);
  });

  it("lists the board's years apart from the partnership's 2022-23 budget", async () => {
    const { items } = (await get('/budgets?ownerId=warwickshire-scb')) as { items: { financialYear: string }[] };
    expect(items.map((i) => i.financialYear)).toEqual(['2015-16', '2016-17', '2017-18']);
    const all = (await get('/budgets')) as { items: { ownerId: string | null; financialYear: string }[] };
    expect(all.items.filter((i) => i.ownerId === null).map((i) => i.financialYear)).toEqual(['2022-23']);
  });
});
