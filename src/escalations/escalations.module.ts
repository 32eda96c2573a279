import { Module } from '@nestjs/common';
import { AcknowledgeEscalationController } from './commands/acknowledge-escalation/acknowledge-escalation.controller';
import { AcknowledgeEscalationHandler } from './commands/acknowledge-escalation/acknowledge-escalation.handler';
import { CloseEscalationController } from './commands/close-escalation/close-escalation.controller';
import { CloseEscalationHandler } from './commands/close-escalation/close-escalation.handler';
import { DefineProtocolController } from './commands/define-protocol/define-protocol.controller';
import { DefineProtocolHandler } from './commands/define-protocol/define-protocol.handler';
import { EscalateEscalationController } from './commands/escalate-escalation/escalate-escalation.controller';
import { EscalateEscalationHandler } from './commands/escalate-escalation/escalate-escalation.handler';
import { RaiseEscalationController } from './commands/raise-escalation/raise-escalation.controller';
import { RaiseEscalationHandler } from './commands/raise-escalation/raise-escalation.handler';
import { RecordResponseController } from './commands/record-response/record-response.controller';
import { RecordResponseHandler } from './commands/record-response/record-response.handler';
import { RectifyDataSubjectController } from './commands/rectify-data-subject/rectify-data-subject.controller';
import { RectifyDataSubjectHandler } from './commands/rectify-data-subject/rectify-data-subject.handler';
import { ResolveEscalationController } from './commands/resolve-escalation/resolve-escalation.controller';
import { ResolveEscalationHandler } from './commands/resolve-escalation/resolve-escalation.handler';
import { ReviseProtocolController } from './commands/revise-protocol/revise-protocol.controller';
import { ReviseProtocolHandler } from './commands/revise-protocol/revise-protocol.handler';

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
