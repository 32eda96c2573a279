/** Reporting periods over calendar dates (YYYY-MM-DD): calendar months, or calendar quarters (Q1 = January to March). */
export const PERIOD_KINDS = ['month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodBounds {
  /** 2022-05 for a month, 2022-Q2 for a quarter. */
  period: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a month (1-12): day 0 of the next month. */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodOf(date: string, kind: PeriodKind): PeriodBounds {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month')
    return {
      period: `${year}-${pad(month)}`,
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    };
  const q = Math.ceil(month / 3);
  const first = q * 3 - 2;
  return {
    period: `${year}-Q${q}`,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
  };
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, kind: PeriodKind): PeriodBounds[] {
  const periods: PeriodBounds[] = [];
  for (let p = periodOf(from, kind); p.start <= to;) {
    periods.push(p);
    const next = new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    p = periodOf(next, kind);
  }
  return periods;
}
