import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { DecisionCondition, DecisionOutcome } from '../../domain/decision';

export interface RecordDecisionData {
  decisionId: string;
  meetingId: string;
  itemNumber: number;
  outcome: DecisionOutcome;
  text: string;
  conditions?: DecisionCondition[];
  budgetPence?: number;
  responsiblePartnerIds?: string[];
}

export class RecordDecisionCommand extends Command<CommandResult> {
  constructor(
    readonly data: RecordDecisionData,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
