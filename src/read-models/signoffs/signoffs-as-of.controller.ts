import { registryAsOfController } from '../registry/registry-as-of.controller';
import { SIGNOFFS, signoffsQuery } from './signoffs-model';
import { AsOfSignoffsQueryDto } from './signoffs-query.dto';
import { SignoffAsOfDto, SignoffHistoryAsOfDto, SignoffPageAsOfDto } from './signoffs-responses.dto';

/** The sign-offs register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
export const SignoffsAsOfController = registryAsOfController({
  name: 'SignoffsAsOfController',
  tag: 'signoffs',
  path: 'signoffs',
  idParam: 'signoffId',
  model: SIGNOFFS,
  query: { dto: AsOfSignoffsQueryDto, filters: signoffsQuery },
  notFound: 'signoff-not-found: no such sign-off had been requested by then',
  list: {
    operationId: 'listSignoffsAsOf',
    summary:
      'The sign-offs as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listSignoffs',
    type: SignoffPageAsOfDto,
  },
  get: {
    operationId: 'getSignoffAsOf',
    summary: 'One sign-off as known at knownAt and true at validAt',
    type: SignoffAsOfDto,
  },
  history: {
    operationId: 'getSignoffHistoryAsOf',
    summary: "The sign-off's history as known at knownAt, of what had happened by validAt",
    type: SignoffHistoryAsOfDto,
  },
});
