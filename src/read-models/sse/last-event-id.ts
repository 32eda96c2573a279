import { BadRequestException } from '@nestjs/common';
import { problem } from '../../http/problem';

/** The header an EventSource sends when it reconnects, holding the id of the last event it received. */
export const LAST_EVENT_ID_HEADER = 'last-event-id';

/** Ids are positions as this service writes them (String(position)): digits, no sign, no leading zero. */
const POSITION = /^(0|[1-9][0-9]{0,15})$/;

export interface ResumeRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
}

/**
 * Where a reconnecting client left off: the Last-Event-ID header, else the `lastEventId` query
 * parameter (EventSource polyfills that cannot set headers send it there). Undefined when neither
 * is given, or empty (an EventSource with no id yet sends nothing). Anything that is not a position
 * this service could have sent is refused with 400, before the stream starts.
 */
export function lastEventId(request: ResumeRequest): number | undefined {
  const header = request.headers[LAST_EVENT_ID_HEADER];
  const query = (request.query as { lastEventId?: unknown } | undefined)?.lastEventId;
  const given = header !== undefined && header !== '' ? header : query;
  if (given === undefined || given === '') return undefined;
  const position = typeof given === 'string' && POSITION.test(given) ? Number(given) : NaN;
  if (!Number.isSafeInteger(position)) {
    throw new BadRequestException(
      problem(400, 'invalid-last-event-id', 'Last-Event-ID is not an event id this stream sent', {
        detail:
          'Send the id of the last event received (a ledger position: digits only), or no Last-Event-ID to start from now',
      }),
    );
  }
  return position;
}
