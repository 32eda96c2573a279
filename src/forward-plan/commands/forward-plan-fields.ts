import { ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { IsOptional, Matches, Validate } from 'class-validator';
import { CommandDto } from '../../http/command.dto';
import { EitherField } from '../../http/either-field';
import { IsRecordId } from '../../http/ids';
import type { CommandRunner } from '../../ledger/command-runner';
import { Meeting } from '../../meetings';
import type { MeetingFacts, PlanTarget } from '../domain/forward-plan-item.messages';

/** When an item is to come to the board: a scheduled meeting of the board, or a month. */
export class PlanTargetDto extends CommandDto {
  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('A scheduled meeting of the board (or give month)', 'wseb-2023-04-20')
  meetingId?: string;

  @ApiPropertyOptional({ description: 'A month (YYYY-MM), when no meeting is set yet', example: '2023-04' })
  @Validate(EitherField, ['meetingId', 'exactly-one'])
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month YYYY-MM' })
  month?: string;
}

export const targetOf = ({ meetingId, month }: PlanTargetDto): PlanTarget =>
  meetingId !== undefined ? { meetingId } : { month: month! };

/** The meeting as the meetings context holds it, for the decider to judge (board, date, closed, agenda). */
export async function meetingFacts(runner: CommandRunner, meetingId: string): Promise<MeetingFacts> {
  const { state } = await runner.load(Meeting, meetingId);
  if (!state.exists) return { exists: false };
  return {
    exists: true,
    boardId: state.boardId,
    scheduledFor: state.scheduledFor,
    closed: state.closed,
    itemNumbers: Object.keys(state.items).map(Number),
  };
}
