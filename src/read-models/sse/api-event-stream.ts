import { applyDecorators, Sse, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiSchema,
  getSchemaPath,
} from '../../shared/openapi/deferred-swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Permission } from '../../auth/permissions';
import { Requires } from '../../auth/requires.decorator';
import { ReadProblems } from '../../http/endpoint-responses';

/** An event id as the streams write it (a position, in decimal digits). */
const POSITION_PATTERN = '^(0|[1-9][0-9]*)$';

/** How every projection stream behaves: appended to each stream operation's description. */
export const STREAM_BEHAVIOUR = [
  "Each event's id is the ledger position of the last event that changed its document, and ids never decrease (opaque: compare, never compute); when one ledger event changed several documents, the id only advances with the last of them.",
  'Resume: reconnect with the Last-Event-ID header (or the lastEventId query parameter) to receive first the current document of every record changed after that position, then live changes, with nothing missed or repeated; an id past the head resumes from the head.',
  'Version change: when the read model is rebuilt for a new version of its definition (built beside the served one, then switched over in one step), each open stream sends a "reset" event ({ code, title, version }), then the current document of every record, and carries on live: drop every document you hold on "reset" (a record the new version no longer has is simply not sent again). The reset and the documents after it carry the previous id, the last of them the position the new version stands at; a reconnect with an id sent before the switch-over (or cut inside the reset) is sent the reset and every document again, then live changes.',
  'Keepalive: a comment line (": keepalive") every 15 s, so proxies keep the connection open.',
  'Expiry: when the bearer token expires the stream sends an "auth-expired" event ({ code, title, expiredAt }, carrying the last id) and ends; reconnect with a fresh token and that Last-Event-ID.',
].join(' ');

/** The query a stream accepts: the resume position, for EventSource polyfills that cannot send headers. */
export class StreamQueryDto {
  @ApiPropertyOptional({
    description: 'Same as the Last-Event-ID header (the header wins when both are sent)',
    pattern: POSITION_PATTERN,
    example: '1234',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  lastEventId?: string;
}

/** The data of the final "auth-expired" event every stream sends when the token expires. */
@ApiSchema({ name: 'SseAuthExpired' })
export class SseAuthExpiredSchema {
  @ApiProperty({ enum: ['auth-expired'] }) code!: 'auth-expired';
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) expiredAt!: string;
}

/** The data of the "reset" event every stream sends when its read model switches over to a new version. */
@ApiSchema({ name: 'SseReset' })
export class SseResetSchema {
  @ApiProperty({ enum: ['reset'] }) code!: 'reset';
  @ApiProperty() title!: string;
  @ApiProperty({ description: "The read model's version now served", type: 'integer' }) version!: number;
}

/** A stream's events: event name -> the class of its JSON data (reset and auth-expired are added to every stream). */
export type StreamEvents = Record<string, Type<unknown>>;

/**
 * OpenAPI for a projection stream: its media type with each event's data schema (OpenAPI 3.0 has no
 * keyword for SSE events, so they are listed under `x-sse-events`, each a $ref to its data's class,
 * and named in the description), the resume header and every problem it can answer before streaming.
 */
export function ApiEventStream(streamed: StreamEvents): MethodDecorator {
  const events: StreamEvents = { ...streamed, reset: SseResetSchema, 'auth-expired': SseAuthExpiredSchema };
  const names = Object.entries(events).map(([name, type]) => `"${name}" (data: ${type.name.replace(/Schema$/, '')})`);
  const media = {
    schema: { type: 'string' },
    'x-sse-events': Object.fromEntries(
      Object.entries(events).map(([name, type]) => [name, { $ref: getSchemaPath(type) }]),
    ),
    example:
      'event: <name>\nid: 4242\ndata: {...}\n\n: keepalive\n\nevent: auth-expired\nid: 4242\ndata: {"code":"auth-expired",...}\n\n',
  };
  return applyDecorators(
    ApiExtraModels(...Object.values(events)),
    ApiHeader({
      name: 'Last-Event-ID',
      required: false,
      schema: { type: 'string', pattern: POSITION_PATTERN },
      description: 'The id of the last event received: resume after that ledger position',
    }),
    ApiOkResponse({
      description: `A stream of events ${names.join(', ')}, each's data JSON; ": keepalive" comments; "reset" precedes every document again when the read model changes version; "auth-expired" ends it when the token expires`,
      content: { 'text/event-stream': media },
    }),
    ReadProblems(false, {
      problems: { 400: 'invalid-last-event-id: Last-Event-ID (or lastEventId) is not an id this stream sent' },
    }),
  );
}

/**
 * A read model's GET <list>/stream endpoint: Server-Sent Events for whoever may read the list (ledger:read
 * unless given), its operation described with STREAM_BEHAVIOUR and its OpenAPI from ApiEventStream.
 * Declare it before the list's /:id route, so "stream" is never read as an id.
 */
export function ProjectionStreamEndpoint(
  operationId: string,
  summary: string,
  events: StreamEvents,
  permission: Permission = 'ledger:read',
): MethodDecorator {
  return applyDecorators(
    Sse('stream'),
    Requires(permission),
    ApiOperation({ operationId, summary, description: STREAM_BEHAVIOUR }),
    ApiEventStream(events),
  );
}
