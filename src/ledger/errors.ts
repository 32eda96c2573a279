import { DomainError } from '../shared/domain-errors';

export class WrongExpectedRevisionError extends DomainError {
  readonly code = 'wrong-expected-revision';
  readonly status = 412 as const;
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${expected}, actual ${actual}`, { streamId, expected, actual });
  }
}

/** An append reused an event id that already belongs to a different write. */
export class DuplicateEventIdError extends DomainError {
  readonly code = 'duplicate-event-id';
  readonly status = 409 as const;
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} was already used by a different append`, { eventId });
  }
}

/** The event store refused an append as too large (EventStoreDB's MaxAppendSize, 1 MiB by default); nothing was written. */
export class EventTooLargeError extends DomainError {
  readonly code = 'event-too-large';
  readonly status = 413 as const;
  constructor(
    readonly streamId: string,
    readonly maxAppendSizeBytes: number,
  ) {
    super(
      `The events for ${streamId} are larger than the event store accepts in one append (${maxAppendSizeBytes} bytes); nothing was written`,
      { streamId, maxAppendSizeBytes },
    );
  }
}
