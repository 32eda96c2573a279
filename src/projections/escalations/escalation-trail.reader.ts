import { BadRequestException } from '@nestjs/common';
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
import { problem } from '../../http/problem';
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

/** The cursor is the last key returned, opaque to clients; the filters are sent again with it. */
const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ k: key })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof k === 'string' && k.startsWith(ESCALATION_KEY_PREFIX)) return k;
  } catch {
    /* falls through to the 400 below */
  }
  throw new BadRequestException(problem(400, 'invalid-cursor', 'The cursor is not one this API returned'));
}

/** Reads the escalation trail from the read-model store; every measure is worked out in pure code at asOf. */
export class EscalationTrailReader {
  constructor(private readonly store: ReadModelStore) {}

  list(
    query: EscalationTrailQuery,
    limit: number,
    cursor?: string,
  ): { asOf: string; items: EscalationTrailItem[]; nextCursor: string | null } {
    const items: EscalationTrailItem[] = [];
    let lastKey: string | undefined;
    let more = false;
    // Scans forward in key order until a page is full; a selective filter reads further, never more than the trail.
    for (const { key, doc } of this.store.scan<EscalationTrailDoc>(
      NAME,
      ESCALATION_KEY_PREFIX,
      cursor === undefined ? undefined : decodeCursor(cursor),
    )) {
      const view = viewAt(doc, query.asOf);
      if (!view || !matchesQuery(view, query)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      const { timeline, ...rest } = view;
      items.push({ ...rest, timelineLength: timeline.length });
      lastKey = key;
    }
    return { asOf: query.asOf, items, nextCursor: more && lastKey ? encodeCursor(lastKey) : null };
  }

  /** One escalation's whole timeline and measured stages as at asOf; 404 if it had not been raised by then. */
  get(escalationId: string, asOf: string): EscalationView {
    const doc = this.store.get<EscalationTrailDoc>(NAME, escalationKey(escalationId));
    const view = doc && viewAt(doc, asOf);
    if (!view) throw new NotFound('Escalation', escalationId);
    return view;
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
