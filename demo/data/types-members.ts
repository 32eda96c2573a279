/** Shapes of a board's members, quorum rule and forward plan as the demo loads them (issue 17 items 1-2). */
import type { ActionId, BoardId, IsoDate, IsoMonth, PartnerId, PersonId } from './types-base';
import type { SourceRef } from './types-case-reviews';

/**
 * A named person holding a seat on a board for a period, as the minutes' attendance lists show it:
 * `from` is the first meeting listing them present or sending apologies (the seeds give no appointment
 * date), `to` a date the seeds give (e.g. the CCG's last day). `source` is the list that shows it.
 */
export interface BoardMember {
  boardId: BoardId;
  seat: string;
  partnerId: PartnerId;
  personId: PersonId;
  /** A seat of one of the board's statutory partners (local authority, police, health commissioner). */
  statutory: boolean;
  from: IsoDate;
  to?: IsoDate;
  source: SourceRef;
  /** Said in the loaded record's own text where a value is not the seeds' (e.g. a partner they do not give). */
  illustrative?: string;
}

/**
 * A board's quorum rule from a date. The seeds state no quorum rule: each rule here is illustrative,
 * and says why in its own text; `basedOn` cites what it is drawn from.
 */
export interface BoardQuorumRule {
  boardId: BoardId;
  rule: 'each-statutory-partner' | 'minimum-count';
  minimum?: number;
  from: IsoDate;
  illustrative: string;
  basedOn: SourceRef;
}

/** An item the minutes put on a board's forward plan for a month ("forward plan for April 2023 meeting"). */
export interface DemoForwardPlanItem {
  itemId: string;
  boardId: BoardId;
  month: IsoMonth;
  title: string;
  /** The action that put it there. */
  fromActionId: ActionId;
  source: SourceRef;
}
