import { registryAsOfController } from '../registry/registry-as-of.controller';
import { AsOfForwardPlanQueryDto, forwardPlanQuery } from './forward-plan-query.dto';
import {
  ForwardPlanHistoryAsOfDto,
  ForwardPlanItemAsOfDto,
  ForwardPlanPageAsOfDto,
} from './forward-plan-responses.dto';
import { FORWARD_PLAN } from './forward-plan.reader';

/** The forward plan as it stood at a past position or date, on the shared registry reader. */
export const ForwardPlanAsOfController = registryAsOfController({
  name: 'ForwardPlanAsOfController',
  tag: 'forward-plan',
  path: 'forward-plan',
  idParam: 'itemId',
  model: FORWARD_PLAN,
  query: { dto: AsOfForwardPlanQueryDto, filters: forwardPlanQuery },
  notFound: 'forward-plan-item-not-found: no such item had been planned by then',
  getProblems: { 400: 'knownAt or validAt is invalid' },
  list: {
    operationId: 'listForwardPlanAsOf',
    summary:
      'The forward plan as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listForwardPlan',
    type: ForwardPlanPageAsOfDto,
  },
  get: {
    operationId: 'getForwardPlanItemAsOf',
    summary: 'One forward plan item as known at knownAt (recording time) and true at validAt (business time)',
    type: ForwardPlanItemAsOfDto,
  },
  history: {
    operationId: 'getForwardPlanItemHistoryAsOf',
    summary: "The item's history as known at knownAt, of what had happened by validAt",
    type: ForwardPlanHistoryAsOfDto,
  },
});
