import { Controller, Get, Headers, MessageEvent, Param, Query, SseSignal } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { IdPipe } from '../../http/id.pipe';
import { peopleProjection } from '../../../projections/people/people.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { PEOPLE, personDocuments, peopleQuery } from './people-model';
import { PeopleQueryDto } from './people-query.dto';
import { PersonDto, PersonHistoryDto, PersonPageDto } from './people-responses.dto';

const problemSchema = { $ref: '#/components/schemas/Problem' };

/** The people register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(peopleProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listPeople',
    summary:
      'People named in the records with the partner they represent and their title over time; filter by partner (now or on a date) or name; cursor paging',
  })
  @ApiOkResponse({ type: PersonPageDto })
  @ApiBadRequestResponse({ description: 'A filter or the cursor is invalid', schema: problemSchema })
  list(@Query() q: PeopleQueryDto) {
    return this.reader().list(peopleQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :personId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamPeople',
    'Server-Sent Events: each person document as it is applied (event "person", id = ledger position)',
    '"person" events (data: a Person document)',
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(personDocuments, { headers, query }, signal);
  }

  @Get(':personId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPerson',
    summary:
      'One person: the partner they represent and their title, and every earlier partner and title with its dates',
  })
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ description: 'person-not-found', schema: problemSchema })
  get(@Param('personId', IdPipe) personId: string) {
    return this.reader().get(personId);
  }

  @Get(':personId/history')
  @ReadModelETag(peopleProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPersonHistory',
    summary: "The person's registration and updates in ledger order: what, when, who, where to verify it",
  })
  @ApiOkResponse({ type: PersonHistoryDto })
  @ApiNotFoundResponse({ description: 'person-not-found', schema: problemSchema })
  history(@Param('personId', IdPipe) personId: string): PersonHistoryDto {
    return { personId, ...this.reader().history(personId) };
  }

  private reader() {
    return new RecordReader(PEOPLE, this.store);
  }
}
