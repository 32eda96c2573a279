import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { peopleProjection } from '../../../projections/people/people.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { PEOPLE, personDocuments, peopleQuery } from './people-model';
import { PeopleQueryDto } from './people-query.dto';
import { PersonDto, PersonHistoryDto, PersonPageDto } from './people-responses.dto';

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
  @CollectionRead(PersonPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: PeopleQueryDto) {
    return this.reader().list(peopleQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :personId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamPeople',
    'Server-Sent Events: each person document as it is applied (event "person", id = ledger position)',
    { person: PersonDto },
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
  @RecordRead(PersonDto, 'The record', { problems: { 404: 'person-not-found' } })
  get(@RecordId('personId') personId: string) {
    return this.reader().get(personId);
  }

  @Get(':personId/history')
  @ReadModelETag(peopleProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPersonHistory',
    summary: "The person's registration and updates in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(PersonHistoryDto, 'The record', { problems: { 404: 'person-not-found' } })
  history(@RecordId('personId') personId: string): PersonHistoryDto {
    return { personId, ...this.reader().history(personId) };
  }

  private reader() {
    return new RecordReader(PEOPLE, this.store);
  }
}
