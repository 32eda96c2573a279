import { registryController } from '../registry/registry.controller';
import { assuranceQuery, AUDITS, auditDocuments } from './assurance-models';
import { AssuranceQueryDto } from './assurance-query.dto';
import { AuditDto, AuditHistoryDto, AuditPageDto } from './assurance-responses.dto';

/** The multi-agency audits register, as the projection has applied it (eventually consistent with the ledger). */
export const AuditsController = registryController({
  name: 'AuditsController',
  tag: 'multi-agency-audits',
  path: 'multi-agency-audits',
  idParam: 'auditId',
  model: AUDITS,
  query: { dto: AssuranceQueryDto, filters: assuranceQuery },
  notFound: 'audit-not-found',
  list: {
    operationId: 'listMultiAgencyAudits',
    summary:
      'Multi-agency audits with their return rate, partners asked and returns, findings and their actions; filter open or by partner',
    type: AuditPageDto,
  },
  stream: {
    operationId: 'streamMultiAgencyAudits',
    summary: 'Server-Sent Events: each audit as it is applied (event "multi-agency-audit", id = ledger position)',
    events: { 'multi-agency-audit': AuditDto },
    documents: auditDocuments,
  },
  get: {
    operationId: 'getMultiAgencyAudit',
    summary: 'One audit: its themes, the partners asked and their returns, the return rate, findings and their actions',
    type: AuditDto,
  },
  history: {
    operationId: 'getMultiAgencyAuditHistory',
    summary: "The audit's events in ledger order: what, when, who, where to verify it",
    type: AuditHistoryDto,
  },
});
