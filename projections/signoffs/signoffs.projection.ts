import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import type { SignoffEvent } from '../../src/signoffs';
import { historyEntry, stampOf } from '../partners/record-history';
import { revisionAfter } from '../record-revision';
import { signoffCourse as signoffs } from '../shared-subscriptions';
import type { SubscribedProjection } from '../subscription';
import { SIGNOFF_KEY_PREFIX, signoffKey, type SignatureEntry, type SignoffDoc } from './signoff-doc';

const newSignoff = (signoffId: string): SignoffDoc => ({
  signoffId,
  exists: false,
  versions: [],
  requiredPartnerIds: [],
  status: 'open',
  signatures: [],
  signedPartnerIds: [],
  revision: -1,
  history: [],
});

/** Whether a signing act still counts: neither withdrawn nor on a version the artefact was revised past. */
const counts = (s: SignatureEntry) => s.withdrawn === undefined && s.supersededBy === undefined;
const signedBy = (signatures: SignatureEntry[]) => [...new Set(signatures.filter(counts).map((s) => s.partnerId))];

type Change = { doc: Partial<SignoffDoc>; summary: string };

/** What one event changes in the document, and its history line. */
function change(doc: SignoffDoc, event: DecodedEvent<SignoffEvent>): Change {
  const at = stampOf(event);
  switch (event.type) {
    case 'signoff-requested': {
      const { artefact, requiredPartnerIds, meetingId, decisionId } = event.data;
      const { version, contentHash, ...what } = artefact;
      return {
        doc: {
          exists: true,
          artefact: what,
          currentVersion: version,
          versions: [{ version, contentHash, at }],
          requiredPartnerIds,
          ...(meetingId !== undefined ? { meetingId } : {}),
          ...(decisionId !== undefined ? { decisionId } : {}),
          requested: at,
        },
        summary: `Requested sign-off of ${artefact.title} v${version} from ${requiredPartnerIds.join(', ')}`,
      };
    }
    case 'signoff-signed': {
      const { partnerId, version, contentHash, signedByPersonId, conditions } = event.data;
      const signature: SignatureEntry = {
        partnerId,
        version,
        contentHash,
        ...(signedByPersonId !== undefined ? { signedByPersonId } : {}),
        ...(conditions !== undefined ? { conditions } : {}),
        signed: at,
      };
      const by = signedByPersonId ? ` (signed by ${signedByPersonId})` : '';
      const subject = conditions?.length ? ` subject to ${conditions.length} condition(s)` : '';
      return {
        doc: { signatures: [...doc.signatures, signature] },
        summary: `${partnerId} signed v${version}${by}${subject}`,
      };
    }
    case 'signoff-completed': {
      const { version, subjectToConditions } = event.data;
      return {
        doc: { status: 'completed', completed: { ...at, subjectToConditions } },
        summary: `Completed on v${version}${subjectToConditions ? ' subject to conditions' : ''}`,
      };
    }
    case 'signoff-artefact-revised': {
      const { version, contentHash, previousVersion, reopened } = event.data;
      const signatures = doc.signatures.map((s) => (counts(s) ? { ...s, supersededBy: version } : s));
      return {
        doc: {
          currentVersion: version,
          versions: [...doc.versions, { version, contentHash, at }],
          signatures,
          ...(reopened ? { status: 'open' as const } : {}),
        },
        summary: `Revised v${previousVersion} to v${version}${reopened ? ' (reopened)' : ''}`,
      };
    }
    case 'signoff-signature-withdrawn': {
      const { partnerId, reason, reopened } = event.data;
      const signatures = doc.signatures.map((s) =>
        s.partnerId === partnerId && counts(s) ? { ...s, withdrawn: { ...at, reason } } : s,
      );
      return {
        doc: { signatures, ...(reopened ? { status: 'open' as const } : {}) },
        summary: `${partnerId} withdrew its signature: ${reason}${reopened ? ' (reopened)' : ''}`,
      };
    }
    case 'signoff-request-withdrawn': {
      const { reason } = event.data;
      return { doc: { status: 'withdrawn', withdrawn: { ...at, reason } }, summary: `Request withdrawn: ${reason}` };
    }
  }
}

function evolve(doc: SignoffDoc, stored: StoredEvent): SignoffDoc {
  const event = signoffs.decode(stored);
  const { doc: changed, summary } = change(doc, event);
  const next = { ...doc, ...changed };
  return {
    ...next,
    signedPartnerIds: signedBy(next.signatures),
    revision: revisionAfter(doc, stored, { category: signoffs.category, id: doc.signoffId }),
    history: [...doc.history, historyEntry(event, summary)],
  };
}

/** The sign-offs register: one document per sign-off, outside the decision it may belong to. */
export const signoffsProjection: SubscribedProjection<SignoffDoc> = {
  name: 'signoffs',
  version: 1,
  subscriptions: [signoffs],
  canHandle: signoffs.takes,
  keysOf: (stored) => [signoffKey(signoffs.decode(stored).data.signoffId)],
  initialState: (key) => newSignoff(key.slice(SIGNOFF_KEY_PREFIX.length)),
  evolve,
};
