import { PROTOCOL_KEY_PREFIX, type ProtocolDoc } from '../../../projections/protocols/protocol-doc';
import { protocolsProjection } from '../../../projections/protocols/protocols.projection';
import { matchesProtocol, type ProtocolsQuery } from '../../../projections/protocols/protocols.queries';
import type { RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { ProtocolsQueryDto } from './protocols-query.dto';

export const PROTOCOLS: RegistryModel<ProtocolDoc, ProtocolsQuery> = {
  projection: protocolsProjection.name,
  prefix: PROTOCOL_KEY_PREFIX,
  what: 'Protocol',
  matches: matchesProtocol,
};

export const protocolsQuery = (q: ProtocolsQueryDto): ProtocolsQuery => ({ stage: q.stage });

/** Protocol documents as they are applied (each definition and revision). */
export const protocolDocuments: StreamSpec<ProtocolDoc> = {
  projection: protocolsProjection,
  select: (_key, { exists, history: _history, ...doc }) => (exists ? { type: 'protocol', data: doc } : undefined),
};
