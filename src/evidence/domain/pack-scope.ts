import { RuleViolation } from '../../shared/domain-errors';

export const RECORD_KINDS = [
  'decisions',
  'actions',
  'escalations',
  'funding',
  'meetings',
  'case-reviews',
  'inspections',
  'assurance',
  'risks',
  'forward-plan',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What an inspector or auditor asked for. Dates are ISO `YYYY-MM-DD`, inclusive, business time. */
export interface PackScope {
  from: string;
  to: string;
  /** Empty: every board. */
  boardIds: string[];
  /** Empty: every partner. */
  partnerIds: string[];
  /** Free-text themes or tags (e.g. "exploitation", "MASH front door"), matched against record text. */
  themes: string[];
  records: RecordKind[];
  /**
   * One case review's chain and nothing else (issue 16): the review, its linked sign-offs and the
   * actions, decisions and sign-offs that serve it. Then records is ['case-reviews'] and no board,
   * partner or theme filter applies; the period still cuts every stream at `to`.
   */
  caseReviewId?: string;
}

/** Same shape as a record id (src/http/ids.ts), restated so the domain stays free of HTTP imports. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_THEMES = 20;
export const MAX_THEME_LENGTH = 80;
export const MAX_SCOPE_IDS = 100;

function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * What an inspector may ask for, checked in the domain as well as at the HTTP edge: the decider is
 * the last word, so a scope that reached it by another route (the demo loader, a script) is still
 * checked. The one rule only the domain states is from <= to; the rest mirror the DTO.
 */
export function checkScope(scope: PackScope): void {
  const bad = (field: string, message: string) => new RuleViolation('invalid-pack-scope', message, { field });
  if (!isCalendarDate(scope.from)) throw bad('scope.from', 'scope.from must be a date YYYY-MM-DD');
  if (!isCalendarDate(scope.to)) throw bad('scope.to', 'scope.to must be a date YYYY-MM-DD');
  if (scope.from > scope.to) {
    throw new RuleViolation('scope-period-reversed', `The period starts (${scope.from}) after it ends (${scope.to})`, {
      from: scope.from,
      to: scope.to,
    });
  }
  if (scope.records.length === 0) throw bad('scope.records', 'Ask for at least one kind of record');
  const unknown = scope.records.filter((k) => !(RECORD_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw bad('scope.records', `Unknown record kinds: ${unknown.join(', ')}`);
  if (new Set(scope.records).size !== scope.records.length) throw bad('scope.records', 'Each record kind once');
  for (const field of ['boardIds', 'partnerIds'] as const) {
    if (scope[field].length > MAX_SCOPE_IDS) throw bad(`scope.${field}`, `At most ${MAX_SCOPE_IDS} ids`);
    if (!scope[field].every((id) => SLUG.test(id))) throw bad(`scope.${field}`, `scope.${field} must hold record ids`);
  }
  if (scope.caseReviewId !== undefined) checkCaseReviewScope(scope, bad);
  if (scope.themes.length > MAX_THEMES) throw bad('scope.themes', `At most ${MAX_THEMES} themes`);
  if (!scope.themes.every((t) => t.trim().length > 0 && t.length <= MAX_THEME_LENGTH)) {
    throw bad('scope.themes', `Each theme is 1 to ${MAX_THEME_LENGTH} characters`);
  }
}

/** A pack scoped to one case review holds exactly its chain: no other kind of record, no filter to narrow it. */
function checkCaseReviewScope(scope: PackScope, bad: (field: string, message: string) => RuleViolation): void {
  if (!SLUG.test(scope.caseReviewId!)) throw bad('scope.caseReviewId', 'scope.caseReviewId must be a record id');
  if (scope.records.length !== 1 || scope.records[0] !== 'case-reviews')
    throw bad('scope.records', "A case review's pack holds its chain: records is ['case-reviews']");
  for (const field of ['boardIds', 'partnerIds', 'themes'] as const)
    if (scope[field].length > 0) throw bad(`scope.${field}`, `A case review's pack holds its whole chain: no ${field}`);
}
