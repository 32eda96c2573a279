import { Module } from '@nestjs/common';
import { ActionOwnership } from './commands/action-ownership';
import { CancelActionController, CancelActionHandler } from './commands/cancel-action/cancel-action';
import {
  CarryActionForwardController,
  CarryActionForwardHandler,
} from './commands/carry-action-forward/carry-action-forward';
import {
  ChangeActionDueDateController,
  ChangeActionDueDateHandler,
} from './commands/change-action-due-date/change-action-due-date';
import { CloseActionController, CloseActionHandler } from './commands/close-action/close-action';
import { CompleteActionController, CompleteActionHandler } from './commands/complete-action/complete-action';
import {
  NoteActionProgressController,
  NoteActionProgressHandler,
} from './commands/note-action-progress/note-action-progress';
import { RaiseActionController, RaiseActionHandler } from './commands/raise-action/raise-action';
import { ReassignActionController, ReassignActionHandler } from './commands/reassign-action/reassign-action';
import { ReopenActionController, ReopenActionHandler } from './commands/reopen-action/reopen-action';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RaiseActionController, RaiseActionHandler],
  [NoteActionProgressController, NoteActionProgressHandler],
  [CarryActionForwardController, CarryActionForwardHandler],
  [ReassignActionController, ReassignActionHandler],
  [ChangeActionDueDateController, ChangeActionDueDateHandler],
  [CompleteActionController, CompleteActionHandler],
  [CloseActionController, CloseActionHandler],
  [ReopenActionController, ReopenActionHandler],
  [CancelActionController, CancelActionHandler],
] as const;

/** Actions raised at meetings and chased to completion. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: [ActionOwnership, ...SLICES.map(([, handler]) => handler)],
})
export class ActionsModule {}
