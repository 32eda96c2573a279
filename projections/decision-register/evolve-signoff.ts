import type { StoredEvent } from '../../src/ledger/event-envelope';
import { NO_REVISION } from '../record-revision';
import type { SignoffEvent } from '../../src/signoffs';
import { compact } from './compact';
import type { PartnerSignature, SignoffDoc, Stamp } from './decision-register-doc';
import { entryOf, stampOf } from './evolve-decision';
import { summariseSignoff } from './summaries';
import { signoffs } from './subscriptions';

export function newSignoff(signoffId: string): SignoffDoc {
  return {
    kind: 'signoff',
    signoffId,
    revision: NO_REVISION,
    requested: false,
    requiredPartnerIds: [],
    status: 'open',
    signatures: [],
    invalidations: [],
    history: [],
  };
}

const awaiting = (partnerId: string): PartnerSignature => ({ partnerId, status: 'awaiting' });
const reset = (doc: SignoffDoc, partnerIds: string[]) =>
  doc.signatures.map((s) => (partnerIds.includes(s.partnerId) ? awaiting(s.partnerId) : s));

/** Fields a sign-off event sets. Signatures are always for the current artefact version: a revision resets them. */
function changes(doc: SignoffDoc, event: SignoffEvent, at: Stamp): Partial<SignoffDoc> {
  switch (event.type) {
    case 'signoff-requested': {
      const { decisionId, meetingId, artefact, requiredPartnerIds } = event.data;
      return {
        requested: true,
        decisionId,
        meetingId,
        artefact,
        requiredPartnerIds,
        status: 'open',
        signatures: requiredPartnerIds.map(awaiting),
      };
    }
    case 'signoff-signed': {
      const { partnerId, signedByPersonId, conditions } = event.data;
      const signed: PartnerSignature = compact({
        partnerId,
        status: 'signed' as const,
        signedAt: at,
        signedByPersonId,
        conditions,
      });
      return { signatures: doc.signatures.map((s) => (s.partnerId === partnerId ? signed : s)) };
    }
    case 'signoff-completed':
      return {
        status: 'completed',
        completed: { ...at, version: event.data.version, subjectToConditions: event.data.subjectToConditions },
      };
    case 'signoff-artefact-revised': {
      const { previousVersion, version, contentHash, invalidatedPartnerIds, reopened } = event.data;
      return {
        status: 'open',
        completed: undefined,
        artefact: doc.artefact && { ...doc.artefact, version, contentHash },
        // Every signature was for the earlier text, so none counts now (the decider clears them all too).
        signatures: doc.requiredPartnerIds.map(awaiting),
        invalidations: [
          ...doc.invalidations,
          { kind: 'artefact-revised', ...at, previousVersion, version, contentHash, invalidatedPartnerIds, reopened },
        ],
      };
    }
    case 'signoff-signature-withdrawn': {
      const { partnerId, version, reason, reopened } = event.data;
      return {
        status: 'open',
        completed: undefined,
        signatures: reset(doc, [partnerId]),
        invalidations: [
          ...doc.invalidations,
          { kind: 'signature-withdrawn', ...at, partnerId, version, reason, reopened },
        ],
      };
    }
    case 'signoff-request-withdrawn':
      return { status: 'withdrawn', withdrawn: { ...at, reason: event.data.reason } };
  }
}

export function evolveSignoff(doc: SignoffDoc, stored: StoredEvent): SignoffDoc {
  const event = signoffs.decode(stored);
  return compact({
    ...doc,
    ...changes(doc, event, stampOf(stored)),
    history: [...doc.history, entryOf(stored, summariseSignoff(event))],
  });
}
