import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '../../shared/openapi/deferred-swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { LedgerStreamSchema, VerifyReportSchema } from './ledger.responses';
import { Requires } from '../../auth/requires.decorator';
import { problem } from '../../http/problem';
import { NotFound } from '../../shared/domain-errors';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { verifyStore } from '../integrity/verify-store';

/** The id after the category's dash, as the commands take ids. */
export const STREAM_ENTITY_ID_PATTERN = '[a-z0-9][a-z0-9-]{0,79}';
const STREAM_ID = new RegExp(`^[a-z][a-zA-Z0-9]*-${STREAM_ENTITY_ID_PATTERN}$`);
/** The stream read's operation id: the composition root documents its categories (stream-naming.openapi.ts). */
export const READ_STREAM_OPERATION = 'readStream';

/** Read access to the raw ledger for auditors: one stream's events, and the chain check. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('streams/:streamId')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: READ_STREAM_OPERATION,
    summary: "A stream's events with actors, business and recorded times and hash links",
    description:
      'Every record is one stream named `<category>-<id>`: the category of its aggregate, a dash, then the ' +
      "record's id as the commands took it (e.g. `meeting-wseb-2022-05-10`). A stream with no event is 404 " +
      '`stream-not-found`; read from past its last revision, an existing stream answers 200 with no events.',
  })
  @ApiParam({
    name: 'streamId',
    description: '`<category>-<id>`',
    schema: { type: 'string', pattern: STREAM_ID.source },
  })
  @ApiParam({ name: 'streamId', schema: { type: 'string', pattern: STREAM_ID.source } })
  @ApiQuery({ name: 'fromRevision', required: false, type: Number })
  @RecordRead(LedgerStreamSchema, 'Up to 1000 stored events of the stream from fromRevision', {
    problems: {
      400: 'invalid-stream-id or invalid-revision',
      404: 'stream-not-found: no event was ever recorded in this stream',
    },
  })
  async readStream(
    @Param('streamId') streamId: string,
    @Query('fromRevision') from?: string,
  ): Promise<LedgerStreamSchema> {
    if (!STREAM_ID.test(streamId))
      throw new BadRequestException(problem(400, 'invalid-stream-id', 'Stream ids look like category-id'));
    const fromRevision = from === undefined ? 0 : Number(from);
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0)
      throw new BadRequestException(problem(400, 'invalid-revision', 'fromRevision must be a whole number from 0'));
    const events = await this.store.readStream(streamId, { fromRevision, maxCount: 1000 });
    if (events.length === 0 && !(fromRevision > 0 && (await this.exists(streamId))))
      throw new NotFound('Stream', streamId);
    return { streamId, events };
  }

  private async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 })).length > 0;
  }

  @Get('verify')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'verifyLedger',
    summary: 'Walk the hash chains of one stream or the whole store and name the first broken event',
  })
  @ApiQuery({ name: 'streamId', required: false })
  @CollectionRead(VerifyReportSchema, 'The chain check: ok, and the first problem of each broken stream', {
    problems: { 400: 'invalid-stream-id' },
  })
  verify(@Query('streamId') streamId?: string): Promise<VerifyReportSchema> {
    if (streamId !== undefined && !STREAM_ID.test(streamId))
      throw new BadRequestException(problem(400, 'invalid-stream-id', 'Stream ids look like category-id'));
    return verifyStore(this.store, streamId);
  }
}
