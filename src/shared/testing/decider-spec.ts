import { expect } from '@jest/globals';
import { fold, type Decider, type DomainEvent } from '../decider';

/**
 * Given/when/then for a pure decider, in the style of emmett's DeciderSpecification:
 *
 *   const spec = deciderSpec(Action, { meta });
 *   spec.given([raised]).when({ type: 'complete-action', data: { actionId } }).then([completed]);
 *   spec.given([]).when(note).thenRefuses('action-not-found', 404);
 *
 * Commands are written without their meta (who and when): the spec adds its own, unless a case gives
 * one. Test support only: imported by *.spec.ts files, never by the application.
 */

type MetaOf<C> = C extends { meta: infer M } ? M : never;

/** A command as a test writes it: the meta is optional (distributes over the command union). */
export type TestCommand<C> = C extends { meta: infer M } ? Omit<C, 'meta'> & { meta?: M } : C;

/** A refusal as the deciders throw it (a DomainError): a stable code and the HTTP status it maps to. */
export interface Refusal {
  code: string;
  status: number;
  message: string;
  details: Record<string, unknown>;
}

export interface WhenStep<E, S> {
  /** The command decided exactly these events (none for `[]`). */
  then(expected: E | readonly E[]): void;
  /** The command decided as many events as given, each matching its partial (jest's toMatchObject). */
  thenMatches(expected: readonly object[]): void;
  /** The command was refused with this code (and this status, when given); answers the refusal. */
  thenRefuses(code: string, status?: number): Refusal;
  /** The events decided, for a case that goes on with them (it fails if the command is refused). */
  decided(): E[];
  /** The state after the given events and the decided ones. */
  stateAfter(): S;
}

export interface GivenStep<C, E, S> {
  when(command: TestCommand<C>): WhenStep<E, S>;
  /** The history grown by the events this command decides: `given([raised]).and(ack).when(ack)...`. */
  and(command: TestCommand<C>): GivenStep<C, E, S>;
  /** The state the given events fold to. */
  state(): S;
}

export interface DeciderSpec<C, E, S> {
  given(events?: E | readonly E[]): GivenStep<C, E, S>;
}

/** Who and when, for specs that do not say: the business manager on the day of the May 2022 board. */
const DEFAULT_META = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T12:00:00.000Z',
};

function isRefusal(err: unknown): err is Refusal {
  if (!(err instanceof Error)) return false;
  const { code, status } = err as Partial<Refusal>;
  return typeof code === 'string' && typeof status === 'number';
}

export function deciderSpec<C, E extends DomainEvent, S>(
  aggregate: { decider: Decider<C, E, S> },
  /** Who and when every command is decided as; or only when, by the default business manager. */
  options: { meta?: MetaOf<C>; occurredAt?: string } = {},
): DeciderSpec<C, E, S> {
  const { decider } = aggregate;
  const meta =
    options.meta ?? ({ ...DEFAULT_META, occurredAt: options.occurredAt ?? DEFAULT_META.occurredAt } as MetaOf<C>);
  const stateOf = (events: readonly E[]) => fold(decider, [...events]);
  return {
    given(givenEvents: E | readonly E[] = []) {
      const history: readonly E[] = Array.isArray(givenEvents) ? givenEvents : [givenEvents as E];
      const step: GivenStep<C, E, S> = {
        state: () => stateOf(history),
        and: (command) => this.given([...history, ...step.when(command).decided()]),
        when(command) {
          const decide = () => decider.decide({ meta, ...command } as C, stateOf(history));
          const decided = () => {
            try {
              return decide();
            } catch (err) {
              const why = isRefusal(err) ? `refused with ${err.code} (${err.status})` : `threw ${String(err)}`;
              throw new Error(`Expected the command to be decided, but it was ${why}`, { cause: err });
            }
          };
          return {
            then: (expected) => expect(decided()).toEqual(Array.isArray(expected) ? expected : [expected]),
            thenMatches: (expected) => expect(decided()).toMatchObject(expected),
            thenRefuses(code, status) {
              let events: E[];
              try {
                events = decide();
              } catch (err) {
                if (!isRefusal(err)) throw err;
                expect({ code: err.code, status: err.status }).toEqual({ code, status: status ?? err.status });
                return err;
              }
              throw new Error(`Expected refusal ${code}, but the command decided ${JSON.stringify(events)}`);
            },
            decided,
            stateAfter: () => stateOf([...history, ...decided()]),
          };
        },
      };
      return step;
    },
  };
}
