import { measuredRegisterAsOfController } from '../registry/measured-register.controller';
import { AsOfRisksQueryDto } from './risks-query.dto';
import { RiskAsOfDto, RiskHistoryAsOfDto, RiskPageAsOfDto } from './risks-responses.dto';
import { RISKS } from './risks.controller';

/**
 * The register as it stood at a past position or date: what had been recorded by then, measured at
 * measuredOn or, by default, at that point's own date, so "overdue" is as it stood that day.
 */
export const RisksAsOfController = measuredRegisterAsOfController({
  ...RISKS,
  name: 'RisksAsOfController',
  dto: AsOfRisksQueryDto,
  notFound: 'risk-not-found: no such risk had been recorded by then',
  list: {
    operationId: 'listRisksAsOf',
    summary:
      'The risk register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listRisks',
    type: RiskPageAsOfDto,
  },
  get: {
    operationId: 'getRiskAsOf',
    summary: 'One risk as known at knownAt (recording time) and true at validAt (business time)',
    type: RiskAsOfDto,
  },
  history: {
    operationId: 'getRiskHistoryAsOf',
    summary: "The risk's history as known at knownAt, of what had happened by validAt",
    type: RiskHistoryAsOfDto,
  },
});
