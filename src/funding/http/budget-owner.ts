import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Requires } from '../../auth/requires.decorator';
import type { Permission } from '../../auth/permissions';
import { CommandEndpoint } from '../../http/command-responses';
import { RecordId } from '../../http/id.pipe';
import { ID_PATTERN } from '../../http/ids';
import type { CommandRunner } from '../../ledger/command-runner';
import { Board } from '../../partners';

const OWNER = 'The board (a partnership or executive board, registered first) whose budget it is';

/** Path parameter of the keyed routes: `/budgets/{ownerId}/{financialYear}/...`. */
export const BudgetOwnerParam = (): ParameterDecorator => RecordId('ownerId', { description: OWNER });

/** Body field of POST /budgets: without it, the budget is the ledger's own partnership's (as before owners). */
export const IsBudgetOwner = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${OWNER}; without it, the ledger's own partnership's budget for the year`,
      example: 'wseb',
      pattern: ID_PATTERN.source,
      maxLength: 80,
    }),
    IsOptional(),
    IsString(),
    MaxLength(80),
    Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' }),
  );

/** The owner, when a command names one, as a command-data field (absent for the ledger's own partnership). */
export const ownerField = (ownerId: string | undefined): { ownerId?: string } =>
  ownerId === undefined ? {} : { ownerId };

/** What a command that may begin a budget's stream needs to know of its owner (budget.messages.ts). */
export async function ownerFact(runner: CommandRunner, ownerId: string | undefined) {
  return ownerId === undefined ? {} : { ownerExists: await runner.exists(Board.category, ownerId) };
}

/** A funding command route: its status, permission, command contract and operation. */
export const FundingCommand = (
  operationId: string,
  summary: string,
  permission: Permission = 'funding:manage',
  status: 200 | 201 = 201,
) =>
  applyDecorators(
    HttpCode(status),
    Requires(permission),
    CommandEndpoint(status),
    ApiOperation({ operationId, summary }),
  );

/**
 * The keyed twin of a budget command route: the same command on a board's budget
 * (`/budgets/{ownerId}/{financialYear}/...`), its own operation so clients see both.
 */
export const OwnedBudgetCommand = (
  operationId: string,
  summary: string,
  permission: Permission = 'funding:manage',
  status: 200 | 201 = 201,
) => FundingCommand(operationId, `${summary} (a board's budget, keyed by owner and year)`, permission, status);

/** Which budget a route addresses: the year, and the board when the keyed route names one. */
export interface BudgetKey {
  ownerId?: string;
  financialYear: string;
}
