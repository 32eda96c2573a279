import { registryAsOfController } from '../registry/registry-as-of.controller';
import { assuranceQuery, AUDITS } from './assurance-models';
import { AsOfAssuranceQueryDto } from './assurance-query.dto';
import { AuditAsOfDto, AuditHistoryAsOfDto, AuditPageAsOfDto } from './assurance-responses.dto';

/** The multi-agency audits register as it stood at a past point of the log (knownAt) and business date (validAt). */
export const AuditsAsOfController = registryAsOfController({
  name: 'AuditsAsOfController',
  tag: 'multi-agency-audits',
  path: 'multi-agency-audits',
  idParam: 'auditId',
  model: AUDITS,
  query: { dto: AsOfAssuranceQueryDto, filters: assuranceQuery },
  notFound: 'audit-not-found: no such audit had been opened by then',
  list: {
    operationId: 'listMultiAgencyAuditsAsOf',
    summary:
      'The multi-agency audits as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listMultiAgencyAudits',
    type: AuditPageAsOfDto,
  },
  get: {
    operationId: 'getMultiAgencyAuditAsOf',
    summary: 'One audit as known at knownAt and true at validAt',
    type: AuditAsOfDto,
  },
  history: {
    operationId: 'getMultiAgencyAuditHistoryAsOf',
    summary: "The audit's history as known at knownAt, of what had happened by validAt",
    type: AuditHistoryAsOfDto,
  },
});
