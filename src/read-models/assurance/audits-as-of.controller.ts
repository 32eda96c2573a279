import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader } from '../registry/record-reader';
import { assuranceQuery, AUDITS } from './assurance-models';
import { AsOfAssuranceQueryDto } from './assurance-query.dto';
import { AuditAsOfDto, AuditHistoryAsOfDto, AuditPageAsOfDto } from './assurance-responses.dto';

const NOT_FOUND = 'audit-not-found: no such audit had been opened by then';

/** The multi-agency audits register as it stood at a past point of the log (knownAt) and business date (validAt). */
@ApiTags('multi-agency-audits')
@ApiBearerAuth()
@Controller('as-of/multi-agency-audits')
export class AuditsAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listMultiAgencyAuditsAsOf',
    summary:
      'The multi-agency audits as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listMultiAgencyAudits',
  })
  @CollectionRead(AuditPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfAssuranceQueryDto) {
    return asOfPage(this.engine, AUDITS.projection, q, (view) =>
      new RecordReader(AUDITS, view).list(assuranceQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':auditId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getMultiAgencyAuditAsOf',
    summary: 'One audit as known at knownAt and true at validAt',
  })
  @RecordRead(AuditAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('auditId') auditId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, AUDITS.projection, q, (view) => new RecordReader(AUDITS, view).get(auditId));
  }

  @Get(':auditId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getMultiAgencyAuditHistoryAsOf',
    summary: "The audit's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(AuditHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('auditId') auditId: string, @Query() q: AsOfQueryDto): Promise<AuditHistoryAsOfDto> {
    return asOfRecord(this.engine, AUDITS.projection, q, (view) => ({
      auditId,
      ...new RecordReader(AUDITS, view).history(auditId),
    }));
  }
}
