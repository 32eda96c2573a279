import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
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
  @AsOfRead()
  @ApiOperation({
    operationId: 'listEscalationProtocolsAsOf',
    summary:
      'The escalation protocols as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listEscalationProtocols',
  })
  @CollectionRead(ProtocolPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfProtocolsQueryDto) {
    return asOfPage(this.engine, PROTOCOLS.projection, q, (view) =>
      new RecordReader(PROTOCOLS, view).list(protocolsQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':protocolId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getEscalationProtocolAsOf',
    summary: 'One escalation protocol and its versions as known at knownAt and true at validAt',
  })
  @RecordRead(ProtocolAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('protocolId') protocolId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, PROTOCOLS.projection, q, (view) =>
      new RecordReader(PROTOCOLS, view).get(protocolId),
    );
  }

  @Get(':protocolId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getEscalationProtocolHistoryAsOf',
    summary: "The protocol's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(ProtocolHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('protocolId') protocolId: string, @Query() q: AsOfQueryDto): Promise<ProtocolHistoryAsOfDto> {
    return asOfRecord(this.engine, PROTOCOLS.projection, q, (view) => ({
      protocolId,
      ...new RecordReader(PROTOCOLS, view).history(protocolId),
    }));
  }
}
