import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader } from '../registry/record-reader';
import { PEOPLE, peopleQuery } from './people-model';
import { AsOfPeopleQueryDto } from './people-query.dto';
import { PersonAsOfDto, PersonHistoryAsOfDto, PersonPageAsOfDto } from './people-responses.dto';

const NOT_FOUND = 'person-not-found: no such person had been registered by then';

/** The people register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('as-of/people')
export class PeopleAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listPeopleAsOf',
    summary:
      'The people register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listPeople',
  })
  @CollectionRead(PersonPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfPeopleQueryDto) {
    return asOfPage(this.engine, PEOPLE.projection, q, (view) =>
      new RecordReader(PEOPLE, view).list(peopleQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':personId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getPersonAsOf',
    summary: 'One person as known at knownAt and true at validAt',
  })
  @RecordRead(PersonAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('personId') personId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, PEOPLE.projection, q, (view) => new RecordReader(PEOPLE, view).get(personId));
  }

  @Get(':personId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getPersonHistoryAsOf',
    summary: "The person's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(PersonHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('personId') personId: string, @Query() q: AsOfQueryDto): Promise<PersonHistoryAsOfDto> {
    return asOfRecord(this.engine, PEOPLE.projection, q, (view) => ({
      personId,
      ...new RecordReader(PEOPLE, view).history(personId),
    }));
  }
}
