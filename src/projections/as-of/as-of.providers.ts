import type { Provider } from '@nestjs/common';
import { actionLogProjection } from '../../../projections/action-log/action-log.projection';
import { budgetProjection } from '../../../projections/budget/budget.projection';
import { decisionRegisterProjection } from '../../../projections/decision-register/decision-register.projection';
import { escalationTrailProjection } from '../../../projections/escalations/escalation-trail.projection';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { ReadModelStore } from '../read-model-store';
import { AsOfEngine, type AsOfSource } from './as-of-engine';

/**
 * Projections that answer as-of queries. A filter is optional: it lets SQLite skip, without
 * parsing them, events of streams the projection never reads (a shorter replay per answer).
 * A new projection adds one entry here (and an as-of endpoint over its reader).
 */
export const AS_OF_SOURCES: AsOfSource[] = [
  { projection: actionLogProjection as AsOfSource['projection'], filter: { streamCategories: ['action', 'meeting'] } },
  // Years from budget streams, and partner names to label them as they were then.
  { projection: budgetProjection as AsOfSource['projection'], filter: { streamCategories: ['budget', 'partner'] } },
  {
    projection: decisionRegisterProjection as AsOfSource['projection'],
    filter: { streamCategories: ['decision', 'signoff', 'meeting'] },
  },
  { projection: escalationTrailProjection as AsOfSource['projection'], filter: { streamCategories: ['escalation'] } },
];

export const asOfEngineProvider: Provider = {
  provide: AsOfEngine,
  inject: [EVENT_STORE, ReadModelStore],
  useFactory: (events: EventStore, store: ReadModelStore) => new AsOfEngine(events, store, AS_OF_SOURCES),
};
