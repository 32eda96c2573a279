import { randomUUID } from 'node:crypto';
import type { TokenClaims } from '../../src/auth/mint-token';
import type { NewEvent } from '../../src/ledger/event-envelope';
import type { DomainEvent } from '../../src/shared/decider';
import { eventCount, expectProblem, send, type SendOptions } from './http';
import { SEEDED_BY_TEST, type TestApp } from './test-app';

/**
 * Given/when/then for the HTTP API, the e2e counterpart of deciderSpec:
 *
 *   const api = apiSpec(() => t);
 *   await api
 *     .given(existingStream('meeting-wseb-2022-05-10', [scheduled]))
 *     .when({ url: '/decisions', body })
 *     .thenProblem(422, 'agenda-item-not-found');
 *
 * Streams are seeded straight into the store the test app uses, so a case states the facts it rests
 * on instead of replaying them through other endpoints.
 */

export interface ExistingStream {
  streamName: string;
  events: NewEvent[];
}

/**
 * Events already in a stream before the request. Written at schema version 1 (or the given one)
 * exactly as given: events that carry sealed personal data are recorded through the API instead.
 */
export function existingStream(
  streamName: string,
  events: DomainEvent[],
  o: { occurredAt?: string; schemaVersion?: number } = {},
): ExistingStream {
  return {
    streamName,
    events: events.map(({ type, data }) => {
      const id = randomUUID();
      return {
        id,
        type,
        schemaVersion: o.schemaVersion ?? 1,
        data,
        metadata: {
          actor: SEEDED_BY_TEST,
          correlationId: id,
          causationId: id,
          occurredAt: o.occurredAt ?? '2022-05-10T10:00:00.000Z',
        },
      };
    }),
  };
}

export interface ApiRequest extends Omit<SendOptions, 'token'> {
  url: string;
  body?: unknown;
  /** Whose token: the business manager's unless claims are given; null sends none. */
  as?: Partial<TokenClaims> | null;
}

export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
}

export interface ApiThen {
  /** The response has this status (and a body matching this partial); answers it. */
  then(status: number, body?: object): Promise<ApiResponse>;
  /** A problem+json with this status and code, and nothing written to the ledger. */
  thenProblem(status: number, code: string): Promise<ApiResponse>;
}

export function apiSpec(app: () => TestApp) {
  return {
    given(...streams: ExistingStream[]) {
      return {
        when(request: ApiRequest): ApiThen {
          const run = async () => {
            const t = app();
            for (const s of streams) await t.store.append(s.streamName, s.events, 'no_stream');
            const before = await eventCount(t);
            const { url, body, as, method, ...options } = request;
            const token = as === null ? null : await t.token(as ?? {});
            const res = await send(t, url, body, {
              ...options,
              method: method ?? (body === undefined ? 'GET' : 'POST'),
              token,
            });
            return { res, written: (await eventCount(t)) - before };
          };
          return {
            async then(status, body) {
              const { res } = await run();
              expect(res.status).toBe(status);
              if (body) expect(res.body).toMatchObject(body);
              return res;
            },
            async thenProblem(status, code) {
              const { res, written } = await run();
              expectProblem(res, status, code);
              expect(written).toBe(0);
              return res;
            },
          };
        },
      };
    },
  };
}
