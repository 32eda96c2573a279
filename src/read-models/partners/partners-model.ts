import { PARTNER_KEY_PREFIX, type PartnerDoc } from '../../../projections/partners/partner-doc';
import { partnersProjection } from '../../../projections/partners/partners.projection';
import { matchesPartner, type PartnersQuery } from '../../../projections/partners/partners.queries';
import type { StreamSpec } from '../sse/projection-streams';
import type { RegistryModel } from '../registry/record-reader';
import type { PartnersQueryDto } from './partners-query.dto';

export const PARTNERS: RegistryModel<PartnerDoc, PartnersQuery> = {
  projection: partnersProjection.name,
  prefix: PARTNER_KEY_PREFIX,
  what: 'Partner',
  matches: matchesPartner,
};

export const partnersQuery = (q: PartnersQueryDto): PartnersQuery => ({
  kind: q.kind,
  statutory: q.statutory,
  status: q.status,
  name: q.name,
});

/** Registered partners as they are applied; the history stays at /history. */
export const partnerDocuments: StreamSpec<PartnerDoc> = {
  projection: partnersProjection,
  select: (_key, { exists, history: _history, ...doc }) => (exists ? { type: 'partner', data: doc } : undefined),
};
