import { registryController } from '../registry/registry.controller';
import { SIGNOFFS, signoffDocuments, signoffsQuery } from './signoffs-model';
import { SignoffsQueryDto } from './signoffs-query.dto';
import { SignoffDto, SignoffHistoryDto, SignoffPageDto } from './signoffs-responses.dto';

/** The sign-offs register, as the projection has applied it (eventually consistent with the ledger). */
export const SignoffsController = registryController({
  name: 'SignoffsController',
  tag: 'signoffs',
  path: 'signoffs',
  idParam: 'signoffId',
  model: SIGNOFFS,
  query: { dto: SignoffsQueryDto, filters: signoffsQuery },
  notFound: 'signoff-not-found',
  list: {
    operationId: 'listSignoffs',
    summary:
      'Sign-offs with their artefact versions, who was asked and who signed which version; filter by decision, status or signer; cursor paging',
    type: SignoffPageDto,
  },
  stream: {
    operationId: 'streamSignoffs',
    summary: 'Server-Sent Events: each sign-off document as it is applied (event "signoff", id = ledger position)',
    events: { signoff: SignoffDto },
    documents: signoffDocuments,
  },
  get: {
    operationId: 'getSignoff',
    summary:
      'One sign-off: the artefact and its versions, who was asked to sign, who signed (and withdrew) which version and when, its status',
    type: SignoffDto,
  },
  history: {
    operationId: 'getSignoffHistory',
    summary:
      "The sign-off's request, signatures, revisions and withdrawals in ledger order: what, when, who, where to verify it",
    type: SignoffHistoryDto,
  },
});
