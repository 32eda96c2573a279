import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader } from '../registry/record-reader';
import { PARTNERS, partnersQuery } from './partners-model';
import { AsOfPartnersQueryDto } from './partners-query.dto';
import { PartnerAsOfDto, PartnerHistoryAsOfDto, PartnerPageAsOfDto } from './partners-responses.dto';

const NOT_FOUND = 'partner-not-found: no such partner had been registered by then';

/** The partner register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('as-of/partners')
export class PartnersAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listPartnersAsOf',
    summary:
      'The partner register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listPartners',
  })
  @CollectionRead(PartnerPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfPartnersQueryDto) {
    return asOfPage(this.engine, PARTNERS.projection, q, (view) =>
      new RecordReader(PARTNERS, view).list(partnersQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':partnerId')
  @AsOfRead()
  @ApiOperation({ operationId: 'getPartnerAsOf', summary: 'One partner as known at knownAt and true at validAt' })
  @RecordRead(PartnerAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('partnerId') partnerId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, PARTNERS.projection, q, (view) => new RecordReader(PARTNERS, view).get(partnerId));
  }

  @Get(':partnerId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getPartnerHistoryAsOf',
    summary: "The partner's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(PartnerHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('partnerId') partnerId: string, @Query() q: AsOfQueryDto): Promise<PartnerHistoryAsOfDto> {
    return asOfRecord(this.engine, PARTNERS.projection, q, (view) => ({
      partnerId,
      ...new RecordReader(PARTNERS, view).history(partnerId),
    }));
  }
}
