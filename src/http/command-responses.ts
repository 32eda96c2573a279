import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiSchema,
} from '../shared/openapi/deferred-swagger';
import type { CommandResult } from '../ledger/command-runner';
import { ApiProblems, COMMAND_PROBLEMS } from './endpoint-responses';

/** What every command answers (CommandRunner's CommandResult; the compiler checks the class against it). */
@ApiSchema({ name: 'CommandResult' })
export class CommandResultSchema implements CommandResult {
  @ApiProperty({ description: 'The id of the record the command changed', example: 'wseb-2022-05-10-a1' })
  id!: string;

  @ApiProperty({
    description: 'Its stream in the ledger (GET /ledger/streams/{streamId})',
    example: 'action-wseb-2022-05-10-a1',
  })
  streamId!: string;

  @ApiProperty({ type: 'integer', description: 'The new revision of the stream: send it as If-Match', example: 3 })
  revision!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Ledger position of the last event written (opaque)' })
  position?: number;

  @ApiProperty({ type: [String], description: 'The types of the events written', example: ['ActionRaised'] })
  events!: string[];
}

/**
 * The OpenAPI contract every command endpoint shares: headers, result and every error response.
 * Pass 201 for creates, 202 (with its answer's class) for work recorded now and done later.
 */
export const CommandEndpoint = (status: 200 | 201 | 202 = 200, result: Type<unknown> = CommandResultSchema) =>
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
      description:
        'Retries with the same key return the first result and write nothing twice. The first result is remembered ' +
        'for IDEMPOTENCY_RETENTION_HOURS (24 by default) after it was given; past that the key counts as new. Use a ' +
        'fresh key (e.g. a UUID) for each new request.',
    }),
    status === 201
      ? ApiCreatedResponse({ description: 'Created. The ETag header carries the new revision.', type: result })
      : status === 202
        ? ApiAcceptedResponse({
            description: 'Recorded and queued. The ETag header carries the new revision.',
            type: result,
          })
        : ApiOkResponse({ description: 'Recorded. The ETag header carries the new revision.', type: result }),
    ApiProblems(COMMAND_PROBLEMS, {
      400: 'Validation failed: each bad field is named; nothing was written',
      404: 'A referenced record does not exist',
    }),
  );
