import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import type { DomainEvent } from '../../src/shared/decider';
import { servedRootKey, type ServedRecord } from '../../src/shared/serves';
import { Signoff } from '../../src/signoffs';
import { stampOf, type Stamp } from '../partners/record-history';
import { actionRaised, decisionRecorded } from '../shared-subscriptions';
import { subscribe, type SubscribedProjection } from '../subscription';

/**
 * What came of a record (issue 16, traceability): the actions, decisions and sign-offs that cite it
 * or something inside it (`serves`). Read from the event that creates each citing record; every
 * other event of those aggregates is ignored here.
 */
export const citingActions = actionRaised;
export const citingDecisions = decisionRecorded;
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

/** The records a register lists citations of: the roots `servedRootKey` leads back to. */
export type CitedRootKind = 'case-review' | 'inspection' | 'audit' | 'thematic-review';

/** One record that serves the cited one: which, what of the cited record it serves, who recorded it and when. */
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

/** The records of that kind an event cites, itself or inside it (none for most actions, decisions and sign-offs). */
export function citedRootIds(stored: StoredEvent, root: CitedRootKind): string[] {
  const prefix = `${root}:`;
  const roots = (cited(stored)?.serves ?? []).map(servedRootKey).filter((k) => k.startsWith(prefix));
  return [...new Set(roots.map((k) => k.slice(prefix.length)))];
}

/** The cited record's citation from this event: only what it serves of that record. */
export function citationOf(stored: StoredEvent, root: CitedRootKind, rootId: string): Citation {
  const { kind, id, serves, cited: stamp } = cited(stored)!;
  return {
    kind,
    id,
    serves: serves.filter((s) => servedRootKey(s) === `${root}:${rootId}`),
    cited: stamp,
    streamId: stored.streamId,
    position: stored.position,
  };
}

/**
 * A register that also lists, under citedBy, the records citing each of its documents: every
 * creating event of a citing record is read (the subscriptions' handled types), keysOf finds the
 * documents it cites (often none), and it lands in citedBy only, never in the document's own
 * history or revision (those are its stream's).
 */
export function withCitedBy<D extends { citedBy: Citation[] }>(
  own: SubscribedProjection<D>,
  cites: { root: CitedRootKind; keyOf: (id: string) => string; idOf: (doc: D) => string },
): SubscribedProjection<D> {
  return {
    ...own,
    subscriptions: [...own.subscriptions, ...CITING],
    canHandle: (stored) => isCitingEvent(stored) || own.canHandle(stored),
    keysOf: (stored) =>
      isCitingEvent(stored) ? citedRootIds(stored, cites.root).map(cites.keyOf) : own.keysOf(stored),
    evolve: (doc, stored) =>
      isCitingEvent(stored)
        ? { ...doc, citedBy: [...doc.citedBy, citationOf(stored, cites.root, cites.idOf(doc))] }
        : own.evolve(doc, stored),
  };
}
