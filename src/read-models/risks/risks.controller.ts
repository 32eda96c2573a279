import { risksProjection } from '../../../projections/risks/risks.projection';
import { measuredRegisterController, type MeasuredRegister } from '../registry/measured-register.controller';
import { risksQuery, RisksQueryDto } from './risks-query.dto';
import { RiskDto, RiskHistoryDto, RiskPageDto } from './risks-responses.dto';
import { riskDocuments, risksReader } from './risks.reader';

/** The register live and as-of. */
export const RISKS: MeasuredRegister<ReturnType<typeof risksQuery>, RisksQueryDto> = {
  tag: 'risks',
  path: 'risks',
  idParam: 'riskId',
  projection: risksProjection,
  reader: risksReader,
  query: risksQuery,
};

/**
 * The risk register: each risk with its owner agency, its score (likelihood x impact) and past scores,
 * controls, reviews, escalations, and whether its review is overdue, measured at measuredOn (default:
 * today, from the injected clock). Eventually consistent with the ledger.
 */
export const RisksController = measuredRegisterController({
  ...RISKS,
  name: 'RisksController',
  dto: RisksQueryDto,
  badQuery: 'A filter, measuredOn or the cursor is invalid (validation-failed, invalid-cursor)',
  notFound: 'risk-not-found',
  list: {
    operationId: 'listRisks',
    summary:
      'Risks with their current and past scores at measuredOn; filter by owner partner, category, status or overdue review; cursor paging',
    type: RiskPageDto,
  },
  stream: {
    operationId: 'streamRisks',
    summary:
      'Server-Sent Events: each risk as it is applied (event "risk", id = ledger position), measured on the day it is sent',
    events: { risk: RiskDto },
    documents: riskDocuments,
  },
  get: {
    operationId: 'getRisk',
    summary:
      'One risk: owner, category, score and past scores, controls, reviews, escalations, closure, and whether its review is overdue at measuredOn',
    type: RiskDto,
  },
  history: {
    operationId: 'getRiskHistory',
    summary: "The risk's events in ledger order: what, when, who, where to verify it",
    type: RiskHistoryDto,
  },
});
