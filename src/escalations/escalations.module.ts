import { Module } from '@nestjs/common';
import {
  AcknowledgeEscalationController,
  AcknowledgeEscalationHandler,
} from './commands/acknowledge-escalation/acknowledge-escalation';
import { CloseEscalationController, CloseEscalationHandler } from './commands/close-escalation/close-escalation';
import { DefineProtocolController, DefineProtocolHandler } from './commands/define-protocol/define-protocol';
import {
  EscalateEscalationController,
  EscalateEscalationHandler,
} from './commands/escalate-escalation/escalate-escalation';
import { RaiseEscalationController, RaiseEscalationHandler } from './commands/raise-escalation/raise-escalation';
import { RecordResponseController, RecordResponseHandler } from './commands/record-response/record-response';
import {
  RectifyDataSubjectController,
  RectifyDataSubjectHandler,
} from './commands/rectify-data-subject/rectify-data-subject';
import {
  ResolveEscalationController,
  ResolveEscalationHandler,
} from './commands/resolve-escalation/resolve-escalation';
import { ReviseProtocolController, ReviseProtocolHandler } from './commands/revise-protocol/revise-protocol';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [DefineProtocolController, DefineProtocolHandler],
  [ReviseProtocolController, ReviseProtocolHandler],
  [RaiseEscalationController, RaiseEscalationHandler],
  [AcknowledgeEscalationController, AcknowledgeEscalationHandler],
  [RecordResponseController, RecordResponseHandler],
  [EscalateEscalationController, EscalateEscalationHandler],
  [ResolveEscalationController, ResolveEscalationHandler],
  [CloseEscalationController, CloseEscalationHandler],
  [RectifyDataSubjectController, RectifyDataSubjectHandler],
] as const;

/** Inter-agency escalations under a configurable, versioned protocol. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class EscalationsModule {}
