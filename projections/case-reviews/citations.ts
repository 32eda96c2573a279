import { Action } from '../../src/actions';
import { Decision } from '../../src/decisions';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import type { DomainEvent } from '../../src/shared/decider';
import { citesCaseReview, servedRootKey, type ServedRecord } from '../../src/shared/serves';
import { Signoff } from '../../src/signoffs';
import { stampOf, type Stamp } from '../partners/record-history';
import { subscribe } from '../subscription';

/**
 * What came of a case review: the actions, decisions and sign-offs that cite it or one of its
 * findings or recommendations (`serves`, issue 16). Read from the event that creates each citing
 * record; every other event of those aggregates is ignored here.
 */
export const citingActions = subscribe(Action, {
  'action-raised': 'handled',
  'action-progress-noted': 'ignored',
  'action-carried-forward': 'ignored',
  'action-reassigned': 'ignored',
  'action-due-date-changed': 'ignored',
  'action-completed': 'ignored',
  'action-closed': 'ignored',
  'action-reopened': 'ignored',
  'action-cancelled': 'ignored',
});
export const citingDecisions = subscribe(Decision, {
  'decision-recorded': 'handled',
  'decision-condition-satisfied': 'ignored',
  'decision-rescinded': 'ignored',
  'decision-superseded': 'ignored',
});
export const citingSignoffs = subscribe(Signoff, {
  'signoff-requested': 'handled',
  'signoff-signed': 'ignored',
  'signoff-completed': 'ignored',
  'signoff-artefact-revised': 'ignored',
  'signoff-signature-withdrawn': 'ignored',
  'signoff-request-withdrawn': 'ignored',
});
export const CITING = [citingActions, citingDecisions, citingSignoffs] as const;

export type CitingKind = 'action' | 'decision' | 'signoff';

/** One record that serves the review: which, what of the review it cites, who recorded it and when. */
export interface Citation {
  kind: CitingKind;
  id: string;
  serves: ServedRecord[];
  cited: Stamp;
  streamId: string;
  position: number;
}

type Cited = { kind: CitingKind; id: string; serves: ServedRecord[]; cited: Stamp };

/** The citing record, everything it serves and who recorded it when, from its creating event. */
function cited(stored: StoredEvent): Cited | undefined {
  if (citingActions.takes(stored)) {
    const e = citingActions.decode(stored);
    if (e.type === 'action-raised') return { kind: 'action', id: e.data.actionId, ...served(e) };
  }
  if (citingDecisions.takes(stored)) {
    const e = citingDecisions.decode(stored);
    if (e.type === 'decision-recorded') return { kind: 'decision', id: e.data.decisionId, ...served(e) };
  }
  if (citingSignoffs.takes(stored)) {
    const e = citingSignoffs.decode(stored);
    if (e.type === 'signoff-requested') return { kind: 'signoff', id: e.data.signoffId, ...served(e) };
  }
  return undefined;
}

const served = (e: DecodedEvent<DomainEvent<string, { serves?: ServedRecord[] }>>) => ({
  serves: e.data.serves ?? [],
  cited: stampOf(e),
});

export const isCitingEvent = (stored: StoredEvent) => CITING.some((s) => s.takes(stored));

/** The case reviews an event cites (none for most actions, decisions and sign-offs). */
export function citedReviewIds(stored: StoredEvent): string[] {
  const roots = (cited(stored)?.serves ?? []).map(servedRootKey).filter((k) => k.startsWith('case-review:'));
  return [...new Set(roots.map((k) => k.slice('case-review:'.length)))];
}

/** The review's citation from this event: only what it serves of that review. */
export function citationOf(stored: StoredEvent, caseReviewId: string): Citation {
  const { kind, id, serves, cited: stamp } = cited(stored)!;
  return {
    kind,
    id,
    serves: serves.filter((s) => citesCaseReview(s, caseReviewId)),
    cited: stamp,
    streamId: stored.streamId,
    position: stored.position,
  };
}
