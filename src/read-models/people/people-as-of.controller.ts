import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { peopleProjection } from '../../../projections/people/people.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { AsOfETag } from '../etag/read-etag';
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
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listPeopleAsOf',
    summary:
      'The people register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listPeople',
  })
  @CollectionRead(PersonPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  async list(@Query() q: AsOfPeopleQueryDto) {
    const answer = await this.answer(q);
    const page = new RecordReader(PEOPLE, viewOf(answer)).list(peopleQuery(q), q.limit ?? 50, q.cursor);
    return { asOf: provenance(answer), ...page };
  }

  @Get(':personId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPersonAsOf',
    summary: 'One person as known at knownAt and true at validAt',
  })
  @RecordRead(PersonAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async get(@RecordId('personId') personId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q);
    return { ...new RecordReader(PEOPLE, viewOf(answer)).get(personId), asOf: provenance(answer) };
  }

  @Get(':personId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPersonHistoryAsOf',
    summary: "The person's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(PersonHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async history(@RecordId('personId') personId: string, @Query() q: AsOfQueryDto): Promise<PersonHistoryAsOfDto> {
    const answer = await this.answer(q);
    const { entries } = new RecordReader(PEOPLE, viewOf(answer)).history(personId);
    return { personId, entries, asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(peopleProjection.name, bitemporal(q));
  }
}
