import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const result = { schema: { $ref: '#/components/schemas/CommandResult' } };

/** The OpenAPI contract every command endpoint shares: headers, result and every error response. Pass 201 for creates. */
export const CommandEndpoint = (status: 200 | 201 = 200) =>
  applyDecorators(
    ApiBearerAuth(),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'ETag (stream revision) you last saw; 412 if the record changed since',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key return the first result and write nothing twice',
    }),
    status === 201
      ? ApiCreatedResponse({ description: 'Created. The ETag header carries the new revision.', ...result })
      : ApiOkResponse({ description: 'Recorded. The ETag header carries the new revision.', ...result }),
    ApiBadRequestResponse(problem('Validation failed: each bad field is named; nothing was written')),
    ApiUnauthorizedResponse(problem('No valid bearer token')),
    ApiForbiddenResponse(problem('Your role or agency may not do this')),
    ApiNotFoundResponse(problem('A referenced record does not exist')),
    ApiConflictResponse(problem('Conflicts with the current state')),
    ApiPreconditionFailedResponse(problem('If-Match is stale: the record changed since you read it')),
    ApiUnprocessableEntityResponse(problem('A rule refused the command (stable code in `code`)')),
    ApiTooManyRequestsResponse(problem('Rate limit exceeded')),
    ApiServiceUnavailableResponse({
      ...problem(
        'A store is unavailable (`store-unavailable`, `store-deadline-exceeded`, `storage-full`, `store-read-only`, `store-io-error`, `store-busy`; ' +
          '`part` names it): nothing was written; retry after the Retry-After header. `outcome-unknown`: the request reached the store and no answer came, ' +
          'so the write may have been recorded; retrying with the same Idempotency-Key is safe. `ledger-integrity-failed`: the ledger failed its ' +
          'integrity check (tampered or cut short), so no write is accepted until an operator has looked; reads answer with `Ledger-Integrity: unverified`.',
      ),
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
    }),
  );
