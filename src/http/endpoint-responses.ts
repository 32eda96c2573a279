import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '../shared/openapi/deferred-swagger';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem';

/**
 * The OpenAPI responses each kind of endpoint can answer, derived once: a controller method states
 * its kind (CommandEndpoint in command-responses.ts, RecordRead, ListRead, StreamRead...) and gets
 * every status it can answer, each problem as application/problem+json with the one Problem schema
 * (problem.ts). test/support/openapi-responses.ts checks every e2e answer against the result.
 */
const WHY: Record<number, string> = {
  400: 'The request is malformed: a path id, query parameter, header or the cursor (stable `code`, e.g. `invalid-id`, `validation-failed`)',
  401: 'No valid bearer token',
  403: 'Your role or agency may not do this',
  404: 'No such record',
  409: 'Conflicts with the current state',
  412: 'If-Match is stale: the record changed since you read it',
  413: 'The request body is too large',
  414: 'The path is too long (an id longer than any this API issues)',
  415: 'Send application/json',
  422: 'A rule refused the request (stable code in `code`)',
  429: 'Rate limit exceeded',
  503:
    'A store is unavailable (`store-unavailable`, `store-deadline-exceeded`, `storage-full`, `store-read-only`, `store-io-error`, `store-busy`; ' +
    '`part` names it): nothing was written; retry after the Retry-After header. `outcome-unknown` (writes): the request reached the store and no answer came, ' +
    'so the write may have been recorded; retrying with the same Idempotency-Key is safe. `ledger-integrity-failed` (writes): the ledger failed its ' +
    'integrity check, so no write is accepted until an operator has looked; reads answer with `Ledger-Integrity: unverified`.',
};

/** Every status an authenticated endpoint can answer whatever it does. */
const ANY_AUTHENTICATED = [400, 401, 403, 429, 503];
/** The problems of an authenticated read without an id in its path. */
export const READ_PROBLEMS = ANY_AUTHENTICATED;
/** An endpoint with an id in its path: the id may name nothing, or be too long for the router. */
const BY_ID = [404, 414];

/** Problem responses for these statuses, each with an optional more specific description. */
export function ApiProblems(statuses: number[], descriptions: Record<number, string> = {}): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...[...new Set(statuses)].map((status) =>
      ApiResponse({
        status,
        description: descriptions[status] ?? WHY[status] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
        ...(status === 503 || status === 429
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
              },
            }
          : {}),
      }),
    ),
  );
}

/** The documented statuses of a problem-answering read: `extra` adds what only this endpoint answers. */
export interface ReadOptions {
  /** More specific descriptions, or further statuses (e.g. 422) this endpoint answers. */
  problems?: Record<number, string>;
}

/** GET of one record by id: 200 with `type`, 404 when the id names nothing, and the ANY_AUTHENTICATED problems. */
export function RecordRead(type: Type<unknown>, description: string, o: ReadOptions = {}): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type, description }),
    ApiProblems([...ANY_AUTHENTICATED, ...BY_ID, ...Object.keys(o.problems ?? {}).map(Number)], o.problems),
  );
}

/** GET of a list or a computed answer without an id in the path: 200 with `type`, and the ANY_AUTHENTICATED problems. */
export function CollectionRead(type: Type<unknown>, description: string, o: ReadOptions = {}): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type, description }),
    ApiProblems([...ANY_AUTHENTICATED, ...Object.keys(o.problems ?? {}).map(Number)], o.problems),
  );
}

/** Problems of an endpoint whose 200 is described by hand (a file, an event stream); `byId` adds 404 and 414. */
export function ReadProblems(byId: boolean, o: ReadOptions = {}): MethodDecorator {
  return ApiProblems(
    [...ANY_AUTHENTICATED, ...(byId ? BY_ID : []), ...Object.keys(o.problems ?? {}).map(Number)],
    o.problems,
  );
}

/** A command's problems: anything a read can answer, and what a body and a precondition can. */
export const COMMAND_PROBLEMS = [...ANY_AUTHENTICATED, ...BY_ID, 409, 412, 413, 415, 422];
