import { businessDate } from '../../../projections/calendar/business-date';
import {
  ESCALATION_KEY_PREFIX,
  escalationKey,
  type EscalationTrailDoc,
} from '../../../projections/escalations/escalation-trail-doc';
import { escalationTrailProjection } from '../../../projections/escalations/escalation-trail.projection';
import {
  involves,
  matchesQuery,
  type EscalationTrailQuery,
} from '../../../projections/escalations/escalation-trail.queries';
import {
  summariseTrail,
  type AgencySummary,
  type PeriodSummary,
} from '../../../projections/escalations/escalation-trail.summary';
import type { PeriodKind } from '../../../projections/escalations/periods';
import { viewAt, type EscalationView } from '../../../projections/escalations/stage-measure';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelStore } from '../read-model-store';

/** A list row: the escalation as at asOf with its measured stages, without the timeline. */
export type EscalationTrailItem = Omit<EscalationView, 'timeline'> & { timelineLength: number };

export interface EscalationTrailSummary {
  asOf: string;
  period: PeriodKind;
  from: string;
  to: string;
  agency: string | null;
  periods: PeriodSummary[];
  agencies: AgencySummary[];
}

const NAME = escalationTrailProjection.name;

/** Reads the escalation trail from the read-model store; every measure is worked out in pure code at asOf. */
export class EscalationTrailReader {
  constructor(private readonly store: ReadModelStore) {}

  list(query: EscalationTrailQuery, limit: number, cursor?: string): { asOf: string } & Page<EscalationTrailItem> {
    const page = documentPage<EscalationTrailDoc, EscalationTrailItem>(
      this.store,
      NAME,
      ESCALATION_KEY_PREFIX,
      { limit, cursor },
      (doc) => {
        const view = viewAt(doc, query.asOf);
        if (!view || !matchesQuery(view, query)) return undefined;
        const { timeline, ...rest } = view;
        return { ...rest, timelineLength: timeline.length };
      },
    );
    return { asOf: query.asOf, ...page };
  }

  /** One escalation's whole timeline and measured stages as at asOf; 404 if it had not been raised by then. */
  get(escalationId: string, asOf: string): EscalationView {
    const doc = this.store.get<EscalationTrailDoc>(NAME, escalationKey(escalationId));
    const view = doc && viewAt(doc, asOf);
    if (!view) throw new NotFound('Escalation', escalationId);
    return view;
  }

  /** Every escalation document that names the data subject (an erasure changes how each reads). */
  naming(subjectId: string): EscalationTrailDoc[] {
    const docs: EscalationTrailDoc[] = [];
    for (const { doc } of this.store.scan<EscalationTrailDoc>(NAME, ESCALATION_KEY_PREFIX))
      if (doc.dataSubjects?.some((d) => d.subjectId === subjectId)) docs.push(doc);
    return docs;
  }

  /** From defaults to the first escalation's raise date, to to asOf. */
  summary(o: { kind: PeriodKind; asOf: string; from?: string; to?: string; agency?: string }): EscalationTrailSummary {
    const views: EscalationView[] = [];
    for (const { doc } of this.store.scan<EscalationTrailDoc>(NAME, ESCALATION_KEY_PREFIX)) {
      const view = viewAt(doc, o.asOf);
      if (view && (o.agency === undefined || involves(view, o.agency))) views.push(view);
    }
    const firstRaised = views.map((v) => businessDate(v.raisedAt!)).sort()[0];
    const from = o.from ?? firstRaised ?? o.asOf;
    const to = o.to !== undefined && o.to < o.asOf ? o.to : o.asOf;
    return {
      asOf: o.asOf,
      period: o.kind,
      from,
      to,
      agency: o.agency ?? null,
      ...summariseTrail(views, { kind: o.kind, from, to, asOf: o.asOf }),
    };
  }
}
