import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { partnersProjection } from '../../../projections/partners/partners.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { AsOfETag } from '../etag/read-etag';
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
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listPartnersAsOf',
    summary:
      'The partner register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listPartners',
  })
  @CollectionRead(PartnerPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  async list(@Query() q: AsOfPartnersQueryDto) {
    const answer = await this.answer(q);
    const page = new RecordReader(PARTNERS, viewOf(answer)).list(partnersQuery(q), q.limit ?? 50, q.cursor);
    return { asOf: provenance(answer), ...page };
  }

  @Get(':partnerId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({ operationId: 'getPartnerAsOf', summary: 'One partner as known at knownAt and true at validAt' })
  @RecordRead(PartnerAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async get(@RecordId('partnerId') partnerId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q);
    return { ...new RecordReader(PARTNERS, viewOf(answer)).get(partnerId), asOf: provenance(answer) };
  }

  @Get(':partnerId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPartnerHistoryAsOf',
    summary: "The partner's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(PartnerHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async history(@RecordId('partnerId') partnerId: string, @Query() q: AsOfQueryDto): Promise<PartnerHistoryAsOfDto> {
    const answer = await this.answer(q);
    const { entries } = new RecordReader(PARTNERS, viewOf(answer)).history(partnerId);
    return { partnerId, entries, asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(partnersProjection.name, bitemporal(q));
  }
}
