import { ForwardPlanItem, type ForwardPlanEvent, type PlanTarget } from '../../src/forward-plan';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { stampOf, withRecordedChange } from '../partners/record-history';
import { subscribe, type SubscribedProjection } from '../subscription';
import { FORWARD_PLAN_KEY_PREFIX, forwardPlanKey, type ForwardPlanDoc } from './forward-plan-doc';

const items = subscribe(ForwardPlanItem, {
  'forward-plan-item-planned': 'handled',
  'forward-plan-item-moved': 'handled',
  'forward-plan-item-dropped': 'handled',
  'forward-plan-item-taken': 'handled',
});

const newItem = (itemId: string): ForwardPlanDoc => ({
  itemId,
  exists: false,
  title: '',
  moves: [],
  revision: -1,
  history: [],
});

const where = (t: PlanTarget) => ('meetingId' in t ? `meeting ${t.meetingId}` : t.month);
/** The meeting id is kept only while the target is a meeting. */
const targetFields = (t: PlanTarget, month: string) => ({
  meetingId: 'meetingId' in t ? t.meetingId : undefined,
  month,
});

/** What one event changes, and its history line. */
function change(doc: ForwardPlanDoc, event: DecodedEvent<ForwardPlanEvent>): [Partial<ForwardPlanDoc>, string] {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'forward-plan-item-planned': {
      const { boardId, target, month, title, from } = event.data;
      const source = from.id ? `${from.kind} ${from.id}` : from.kind;
      return [
        {
          exists: true,
          boardId,
          title,
          from,
          ...targetFields(target, month),
          status: 'planned',
          registered: stampOf(event),
        },
        `Planned for ${where(target)}, from ${source}`,
      ];
    }
    case 'forward-plan-item-moved': {
      const { target, month, previous, reason } = event.data;
      const move = { from: previous, to: target, reason, movedAt: at };
      return [
        { ...targetFields(target, month), status: 'moved', moves: [...doc.moves, move] },
        `Moved from ${where(previous)} to ${where(target)}: ${reason}`,
      ];
    }
    case 'forward-plan-item-dropped':
      return [
        { status: 'dropped', dropped: { reason: event.data.reason, droppedAt: at } },
        `Dropped: ${event.data.reason}`,
      ];
    case 'forward-plan-item-taken': {
      const { meetingId, month, agendaItem } = event.data;
      return [
        { meetingId, month, status: 'taken', agenda: { meetingId, agendaItem, takenAt: at } },
        `Taken onto meeting ${meetingId}, item ${agendaItem}`,
      ];
    }
  }
}

function evolve(doc: ForwardPlanDoc, stored: StoredEvent): ForwardPlanDoc {
  const event = items.decode(stored);
  const next: ForwardPlanDoc = withRecordedChange(doc, event, change(doc, event), {
    category: ForwardPlanItem.category,
    id: doc.itemId,
  });
  // A month target clears the meeting it replaced; an absent field is not kept as undefined.
  if (next.meetingId === undefined) delete next.meetingId;
  return next;
}

/** A board's forward plan: one document per item, with its moves and how it ended (dropped, taken). */
export const forwardPlanProjection: SubscribedProjection<ForwardPlanDoc> = {
  name: 'forward-plan',
  version: 1,
  subscriptions: [items],
  canHandle: items.takes,
  keysOf: (stored) => [forwardPlanKey(items.decode(stored).data.itemId)],
  initialState: (key) => newItem(key.slice(FORWARD_PLAN_KEY_PREFIX.length)),
  evolve,
};
