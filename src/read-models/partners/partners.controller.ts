import { registryController } from '../registry/registry.controller';
import { PARTNERS, partnerDocuments, partnersQuery } from './partners-model';
import { PartnersQueryDto } from './partners-query.dto';
import { PartnerDto, PartnerHistoryDto, PartnerPageDto } from './partners-responses.dto';

/** The partner register, as the projection has applied it (eventually consistent with the ledger). */
export const PartnersController = registryController({
  name: 'PartnersController',
  tag: 'partners',
  path: 'partners',
  idParam: 'partnerId',
  model: PARTNERS,
  query: { dto: PartnersQueryDto, filters: partnersQuery },
  notFound: 'partner-not-found',
  list: {
    operationId: 'listPartners',
    summary:
      'Partner agencies with their current and former names and successions; filter by kind, statutory, status or any name they bore; cursor paging',
    type: PartnerPageDto,
  },
  stream: {
    operationId: 'streamPartners',
    summary: 'Server-Sent Events: each partner document as it is applied (event "partner", id = ledger position)',
    events: { partner: PartnerDto },
    documents: partnerDocuments,
  },
  get: {
    operationId: 'getPartner',
    summary: 'One partner: every name it has borne with the dates, who succeeded it and whom it succeeded',
    type: PartnerDto,
  },
  history: {
    operationId: 'getPartnerHistory',
    summary:
      "The partner's registration, renamings and successions in ledger order: what, when, who, where to verify it",
    type: PartnerHistoryDto,
  },
});
