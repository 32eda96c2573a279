import { registryAsOfController } from '../registry/registry-as-of.controller';
import { PARTNERS, partnersQuery } from './partners-model';
import { AsOfPartnersQueryDto } from './partners-query.dto';
import { PartnerAsOfDto, PartnerHistoryAsOfDto, PartnerPageAsOfDto } from './partners-responses.dto';

/** The partner register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
export const PartnersAsOfController = registryAsOfController({
  name: 'PartnersAsOfController',
  tag: 'partners',
  path: 'partners',
  idParam: 'partnerId',
  model: PARTNERS,
  query: { dto: AsOfPartnersQueryDto, filters: partnersQuery },
  notFound: 'partner-not-found: no such partner had been registered by then',
  list: {
    operationId: 'listPartnersAsOf',
    summary:
      'The partner register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listPartners',
    type: PartnerPageAsOfDto,
  },
  get: {
    operationId: 'getPartnerAsOf',
    summary: 'One partner as known at knownAt and true at validAt',
    type: PartnerAsOfDto,
  },
  history: {
    operationId: 'getPartnerHistoryAsOf',
    summary: "The partner's history as known at knownAt, of what had happened by validAt",
    type: PartnerHistoryAsOfDto,
  },
});
