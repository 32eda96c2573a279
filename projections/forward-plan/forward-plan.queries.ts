import type { PlanStatus } from '../../src/forward-plan';
import type { ForwardPlanDoc } from './forward-plan-doc';

export type ForwardPlanView = Omit<ForwardPlanDoc, 'exists' | 'history'>;

/** What a reader can ask the plan for; every filter given must match (AND). */
export interface ForwardPlanQuery {
  boardId?: string;
  /** Only items falling in this month (YYYY-MM) or later: the board's next meetings and months. */
  fromMonth?: string;
  status?: PlanStatus;
}

export function view(doc: ForwardPlanDoc): ForwardPlanView {
  const { exists: _exists, history: _history, ...facts } = doc;
  return facts;
}

export function matchingView(doc: ForwardPlanDoc, q: ForwardPlanQuery): ForwardPlanView | undefined {
  if (!doc.exists) return undefined;
  if (q.boardId !== undefined && doc.boardId !== q.boardId) return undefined;
  if (q.fromMonth !== undefined && doc.month! < q.fromMonth) return undefined;
  if (q.status !== undefined && doc.status !== q.status) return undefined;
  return view(doc);
}
