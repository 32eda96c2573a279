import type { SignoffDoc, SignoffStatus } from './signoff-doc';

/** What a reader can ask the sign-offs register for; every filter given must match (AND). */
export interface SignoffsQuery {
  decisionId?: string;
  status?: SignoffStatus;
  /** Sign-offs this partner signed (any version, withdrawn or not). */
  signerPartnerId?: string;
}

export function matchesSignoff(doc: SignoffDoc, q: SignoffsQuery): boolean {
  if (!doc.exists) return false;
  if (q.decisionId !== undefined && doc.decisionId !== q.decisionId) return false;
  if (q.status !== undefined && doc.status !== q.status) return false;
  if (q.signerPartnerId !== undefined && !doc.signatures.some((s) => s.partnerId === q.signerPartnerId)) return false;
  return true;
}
