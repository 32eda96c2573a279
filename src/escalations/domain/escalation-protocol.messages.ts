/** The escalation protocol's commands, events and state: what its decider (escalation-protocol.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

export interface ProtocolStage {
  name: string;
  timescaleWorkingDays: number;
}

export type EscalationProtocolEvent =
  | DomainEvent<
      'escalation-protocol-defined',
      { protocolId: string; name: string; version: 1; stages: ProtocolStage[] }
    >
  | DomainEvent<
      'escalation-protocol-revised',
      { protocolId: string; name: string; version: number; stages: ProtocolStage[]; reason?: string }
    >;

export type EscalationProtocolCommand =
  | DomainCommand<'define-escalation-protocol', { protocolId: string; name: string; stages: ProtocolStage[] }>
  | DomainCommand<
      'revise-escalation-protocol',
      { protocolId: string; name?: string; stages: ProtocolStage[]; reason?: string }
    >;

export interface EscalationProtocolState {
  exists: boolean;
  name?: string;
  /** 1 when defined, +1 for every revision. */
  version: number;
  stages: ProtocolStage[];
}
