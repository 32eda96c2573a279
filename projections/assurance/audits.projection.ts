import { MultiAgencyAudit, type MultiAgencyAuditEvent } from '../../src/assurance';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { stampOf } from '../partners/record-history';
import { citedRecordRegister } from '../record-register';
import { subscribe, type SubscribedProjection } from '../subscription';
import { AUDIT_KEY_PREFIX, returnRateOf, type AuditDoc, type AuditPartner } from './audit-doc';

const audits = subscribe(MultiAgencyAudit, {
  'audit-opened': 'handled',
  'audit-returns-requested': 'handled',
  'audit-return-received': 'handled',
  'audit-finding-recorded': 'handled',
  'audit-finding-action-linked': 'handled',
  'audit-closed': 'handled',
});

const newAudit = (auditId: string): AuditDoc => ({
  auditId,
  exists: false,
  title: '',
  themes: [],
  partners: [],
  returnRate: returnRateOf([]),
  findings: [],
  citedBy: [],
  revision: -1,
  history: [],
});

type Change = [Partial<AuditDoc>, string];

/** The partners and the return rate they make (kept with the last round's figure it is read against). */
const withPartners = (doc: AuditDoc, partners: AuditPartner[]) => ({
  partners,
  returnRate: returnRateOf(partners, doc.returnRate.previousPercent),
});

function change(doc: AuditDoc, event: DecodedEvent<MultiAgencyAuditEvent>): Change {
  switch (event.type) {
    case 'audit-opened': {
      const { auditId: _id, previousReturnRate, ...opened } = event.data;
      const returnRate = returnRateOf([], previousReturnRate);
      return [{ ...opened, exists: true, returnRate, registered: stampOf(event) }, `Opened ${opened.title}`];
    }
    case 'audit-returns-requested': {
      const { partnerIds, askedOn, dueOn } = event.data;
      const asked = partnerIds.map((partnerId) => ({ partnerId, askedOn, ...(dueOn ? { dueOn } : {}) }));
      return [withPartners(doc, [...doc.partners, ...asked]), `Returns asked of ${partnerIds.join(', ')}`];
    }
    case 'audit-return-received': {
      const { partnerId, returnedOn } = event.data;
      const partners = doc.partners.map((p) => (p.partnerId === partnerId ? { ...p, returnedOn } : p));
      return [withPartners(doc, partners), `Return received from ${partnerId} on ${returnedOn}`];
    }
    case 'audit-finding-recorded': {
      const { findingId, text, actionIds } = event.data;
      return [{ findings: [...doc.findings, { findingId, text, actionIds }] }, `Finding ${findingId} recorded`];
    }
    case 'audit-finding-action-linked': {
      const { findingId, actionId } = event.data;
      const findings = doc.findings.map((f) =>
        f.findingId === findingId ? { ...f, actionIds: [...f.actionIds, actionId] } : f,
      );
      return [{ findings }, `Action ${actionId} answers ${findingId}`];
    }
    case 'audit-closed': {
      const { auditId: _id, ...closure } = event.data;
      const left = closure.outstandingPartnerIds.length;
      return [{ closure }, `Closed on ${closure.closedOn}${left ? ` with ${left} return(s) outstanding` : ''}`];
    }
  }
}

/** The multi-agency audits register: partners asked, returns and the return rate, findings and their actions. */
export const auditsProjection: SubscribedProjection<AuditDoc> = citedRecordRegister(audits, {
  name: 'multi-agency-audits',
  // 2: citedBy (issue 16, traceability).
  version: 2,
  id: 'auditId',
  keyPrefix: AUDIT_KEY_PREFIX,
  newDoc: newAudit,
  change,
  root: 'audit',
});
