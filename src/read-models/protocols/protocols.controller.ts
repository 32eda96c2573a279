import { registryController } from '../registry/registry.controller';
import { PROTOCOLS, protocolDocuments, protocolsQuery } from './protocols-model';
import { ProtocolsQueryDto } from './protocols-query.dto';
import { ProtocolDto, ProtocolHistoryDto, ProtocolPageDto } from './protocols-responses.dto';

/** The escalation protocols register, as the projection has applied it (eventually consistent with the ledger). */
export const ProtocolsController = registryController({
  name: 'ProtocolsController',
  tag: 'escalations',
  path: 'escalation-protocols',
  idParam: 'protocolId',
  model: PROTOCOLS,
  query: { dto: ProtocolsQueryDto, filters: protocolsQuery },
  notFound: 'protocol-not-found',
  list: {
    operationId: 'listEscalationProtocols',
    summary:
      'Escalation protocols with the stages in force and every version; filter by a stage in force; cursor paging',
    type: ProtocolPageDto,
  },
  stream: {
    operationId: 'streamEscalationProtocols',
    summary: 'Server-Sent Events: each protocol document as it is applied (event "protocol", id = ledger position)',
    events: { protocol: ProtocolDto },
    documents: protocolDocuments,
  },
  get: {
    operationId: 'getEscalationProtocol',
    summary:
      'One escalation protocol: the version in force and every version with its stages, who defined or revised it and when',
    type: ProtocolDto,
  },
  history: {
    operationId: 'getEscalationProtocolHistory',
    summary: "The protocol's definition and revisions in ledger order: what, when, who, where to verify it",
    type: ProtocolHistoryDto,
  },
});
