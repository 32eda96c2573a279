/**
 * English public-sector financial years run 1 April to 31 March and are written `2022-23`:
 * the start year, a dash, and the last two digits of the NEXT year (so `1999-00` is valid).
 */
export const FINANCIAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

export function isFinancialYear(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = FINANCIAL_YEAR_PATTERN.exec(value);
  if (!m) return false;
  return (Number(m[1]) + 1) % 100 === Number(m[2]);
}
