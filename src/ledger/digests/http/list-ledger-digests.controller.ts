import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CollectionRead } from '../../../http/endpoint-responses';
import { DigestPageSchema } from '../../http/ledger.responses';
import { Requires } from '../../../auth/requires.decorator';
import { problem } from '../../../http/problem';
import { LogHeadDigester } from '../log-head-digester';

const MAX_LIMIT = 1000;

function wholeNumber(
  raw: string | undefined,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw === '' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new BadRequestException(
      problem(400, `invalid-${name}`, `${name} must be a whole number from ${min} to ${max}`, { detail: `got ${raw}` }),
    );
  }
  return n;
}

/** The digests recorded so far, in log order, each with who recorded it: what auditors check packs against. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger/digests')
export class ListLedgerDigestsController {
  constructor(private readonly digester: LogHeadDigester) {}

  @Get()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listLedgerDigests',
    summary:
      'Signed digests of the log head in log order, with who recorded each (a person or the scheduler); page with `after`',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    type: Number,
    description: 'The `next` of the previous page (a digest event position)',
  })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1 to ${MAX_LIMIT}, default 100` })
  @CollectionRead(DigestPageSchema, 'Signed digests in log order, with who recorded each', {
    problems: { 400: 'invalid-after or invalid-limit' },
  })
  list(@Query('after') after?: string, @Query('limit') limit?: string): Promise<DigestPageSchema> {
    return this.digester.list(
      wholeNumber(after, 'after', undefined, 0, Number.MAX_SAFE_INTEGER),
      wholeNumber(limit, 'limit', 100, 1, MAX_LIMIT)!,
    );
  }
}
