import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { FinancialYearPipe } from '../../http/financial-year';
import { UnderwriteShortfallCommand } from './underwrite-shortfall.command';
import { UnderwriteShortfallDto } from './underwrite-shortfall.dto';

@ApiTags('funding')
@Controller('budgets')
export class UnderwriteShortfallController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/underwritings')
  @HttpCode(201)
  @Requires('funding:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'underwriteShortfall',
    summary:
      'Record partners agreeing to underwrite a shortfall: each share, the total covered and any uncovered remainder',
  })
  underwrite(
    @Param('financialYear', IdPipe, FinancialYearPipe) financialYear: string,
    @Body() dto: UnderwriteShortfallDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { underwritingId, shortfallPence, partnerIds, method, weights, capsPence, basis } = dto;
    return this.commands.execute(
      new UnderwriteShortfallCommand(
        {
          financialYear,
          underwritingId,
          shortfallPence,
          partnerIds,
          method,
          basis,
          ...(weights ? { weights } : {}),
          ...(capsPence ? { capsPence } : {}),
        },
        ctx,
      ),
    );
  }
}
