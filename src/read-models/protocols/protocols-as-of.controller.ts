import { registryAsOfController } from '../registry/registry-as-of.controller';
import { PROTOCOLS, protocolsQuery } from './protocols-model';
import { AsOfProtocolsQueryDto } from './protocols-query.dto';
import { ProtocolAsOfDto, ProtocolHistoryAsOfDto, ProtocolPageAsOfDto } from './protocols-responses.dto';

/** The escalation protocols register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
export const ProtocolsAsOfController = registryAsOfController({
  name: 'ProtocolsAsOfController',
  tag: 'escalations',
  path: 'escalation-protocols',
  idParam: 'protocolId',
  model: PROTOCOLS,
  query: { dto: AsOfProtocolsQueryDto, filters: protocolsQuery },
  notFound: 'protocol-not-found: no such protocol had been defined by then',
  list: {
    operationId: 'listEscalationProtocolsAsOf',
    summary:
      'The escalation protocols as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listEscalationProtocols',
    type: ProtocolPageAsOfDto,
  },
  get: {
    operationId: 'getEscalationProtocolAsOf',
    summary: 'One escalation protocol and its versions as known at knownAt and true at validAt',
    type: ProtocolAsOfDto,
  },
  history: {
    operationId: 'getEscalationProtocolHistoryAsOf',
    summary: "The protocol's history as known at knownAt, of what had happened by validAt",
    type: ProtocolHistoryAsOfDto,
  },
});
