import { SIGNOFF_KEY_PREFIX, type SignoffDoc } from '../../../projections/signoffs/signoff-doc';
import { signoffsProjection } from '../../../projections/signoffs/signoffs.projection';
import { matchesSignoff, type SignoffsQuery } from '../../../projections/signoffs/signoffs.queries';
import type { RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { SignoffsQueryDto } from './signoffs-query.dto';

export const SIGNOFFS: RegistryModel<SignoffDoc, SignoffsQuery> = {
  projection: signoffsProjection.name,
  prefix: SIGNOFF_KEY_PREFIX,
  what: 'Signoff',
  matches: matchesSignoff,
};

export const signoffsQuery = (q: SignoffsQueryDto): SignoffsQuery => ({
  decisionId: q.decision,
  status: q.status,
  signerPartnerId: q.signer,
});

/** Sign-off documents as they are applied (each request, signature, revision and withdrawal). */
export const signoffDocuments: StreamSpec<SignoffDoc> = {
  projection: signoffsProjection,
  select: (_key, { exists, history: _history, ...doc }) => (exists ? { type: 'signoff', data: doc } : undefined),
};
