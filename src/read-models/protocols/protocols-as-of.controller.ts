import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { protocolsProjection } from '../../../projections/protocols/protocols.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { AsOfETag } from '../etag/read-etag';
import { RecordReader } from '../registry/record-reader';
import { PROTOCOLS, protocolsQuery } from './protocols-model';
import { AsOfProtocolsQueryDto } from './protocols-query.dto';
import { ProtocolAsOfDto, ProtocolHistoryAsOfDto, ProtocolPageAsOfDto } from './protocols-responses.dto';

const NOT_FOUND = 'protocol-not-found: no such protocol had been defined by then';

/** The escalation protocols register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('as-of/escalation-protocols')
export class ProtocolsAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listEscalationProtocolsAsOf',
    summary:
      'The escalation protocols as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listEscalationProtocols',
  })
  @CollectionRead(ProtocolPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  async list(@Query() q: AsOfProtocolsQueryDto) {
    const answer = await this.answer(q);
    const page = new RecordReader(PROTOCOLS, viewOf(answer)).list(protocolsQuery(q), q.limit ?? 50, q.cursor);
    return { asOf: provenance(answer), ...page };
  }

  @Get(':protocolId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getEscalationProtocolAsOf',
    summary: 'One escalation protocol and its versions as known at knownAt and true at validAt',
  })
  @RecordRead(ProtocolAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async get(@RecordId('protocolId') protocolId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q);
    return { ...new RecordReader(PROTOCOLS, viewOf(answer)).get(protocolId), asOf: provenance(answer) };
  }

  @Get(':protocolId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getEscalationProtocolHistoryAsOf',
    summary: "The protocol's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(ProtocolHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async history(@RecordId('protocolId') protocolId: string, @Query() q: AsOfQueryDto): Promise<ProtocolHistoryAsOfDto> {
    const answer = await this.answer(q);
    const { entries } = new RecordReader(PROTOCOLS, viewOf(answer)).history(protocolId);
    return { protocolId, entries, asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(protocolsProjection.name, bitemporal(q));
  }
}
