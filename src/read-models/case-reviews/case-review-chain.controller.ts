import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import { Requires } from '../../auth/requires.decorator';
import { RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { appliedBy } from '../as-of/as-of-answer';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfRecord } from '../as-of/as-of-read';
import { ReadModelETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { CaseReviewChainAsOfDto, CaseReviewChainDto } from './case-review-chain.dto';
import { CaseReviewChainReader } from './case-review-chain.reader';

const NAME = caseReviewsProjection.name;
const SUMMARY =
  'A case review’s whole chain in one answer, with actors and dates: notification, rapid review, Panel response, commissioning, reviewer and terms of reference, drafts, decisions and sign-offs, publication or delay, findings and recommendations, the actions serving them (raised, progress, completion), briefings';

/**
 * What an inspector asks for first (JTAI): one case review traced from notification to embedded
 * learning. Live: the register and the ledger up to the register's checkpoint; as of a past point:
 * both up to that point's position (and, with validAt, what had happened by then).
 */
@ApiTags('case-reviews')
@ApiBearerAuth()
@Controller()
export class CaseReviewChainController {
  private readonly reader: CaseReviewChainReader;

  constructor(
    private readonly store: ReadModelStore,
    private readonly engine: AsOfEngine,
    @Inject(EVENT_STORE) events: EventStore,
  ) {
    this.reader = new CaseReviewChainReader(events);
  }

  @Get('case-reviews/:caseReviewId/chain')
  @ReadModelETag(caseReviewsProjection)
  @Requires('ledger:read')
  @ApiOperation({ operationId: 'getCaseReviewChain', summary: SUMMARY })
  @RecordRead(CaseReviewChainDto, 'The chain', { problems: { 404: 'case-review-not-found' } })
  chain(@RecordId('caseReviewId') caseReviewId: string): Promise<CaseReviewChainDto> {
    const upTo = this.store.checkpoint(NAME)?.position;
    return this.reader.chain(this.store, caseReviewId, (e) => upTo !== undefined && e.position <= upTo);
  }

  @Get('as-of/case-reviews/:caseReviewId/chain')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getCaseReviewChainAsOf',
    summary: 'The case review’s chain as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(CaseReviewChainAsOfDto, 'The chain', {
    problems: {
      404: 'case-review-not-found: no such review had been opened by then',
      400: 'knownAt or validAt is invalid',
    },
  })
  chainAsOf(@RecordId('caseReviewId') caseReviewId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, NAME, q, (view, answer) => {
      const happened = appliedBy(answer);
      const { position } = answer.resolution;
      return this.reader.chain(view, caseReviewId, (e) => e.position <= position && (happened?.(e) ?? true));
    });
  }
}
