import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import type {
  ProtocolStage,
  EscalationProtocolEvent,
  EscalationProtocolCommand,
  EscalationProtocolState,
} from './escalation-protocol.messages';

export * from './escalation-protocol.messages';

/**
 * A partnership's escalation protocol: the ordered stages a professional disagreement moves through
 * (e.g. practitioner to practitioner, manager to manager, senior manager / designated safeguarding lead),
 * each with a timescale in working days. Revising it makes a new version; escalations keep the version
 * (and its stages) they were raised under, so a later revision never rewrites how an old case was handled.
 */
export const MAX_STAGES = 6;
export const MIN_TIMESCALE_WORKING_DAYS = 1;
export const MAX_TIMESCALE_WORKING_DAYS = 60;

const initialState: EscalationProtocolState = { exists: false, version: 0, stages: [] };

/** The stage rules hold for every version, whichever edge sent the command. */
function assertValidStages(stages: ProtocolStage[]): void {
  if (stages.length < 1 || stages.length > MAX_STAGES) {
    throw new RuleViolation(
      'stage-count-out-of-range',
      `A protocol has 1 to ${MAX_STAGES} stages, not ${stages.length}`,
    );
  }
  const bad = stages.find(
    (s) =>
      !Number.isInteger(s.timescaleWorkingDays) ||
      s.timescaleWorkingDays < MIN_TIMESCALE_WORKING_DAYS ||
      s.timescaleWorkingDays > MAX_TIMESCALE_WORKING_DAYS,
  );
  if (bad) {
    throw new RuleViolation(
      'timescale-out-of-range',
      `Stage "${bad.name}" must allow ${MIN_TIMESCALE_WORKING_DAYS} to ${MAX_TIMESCALE_WORKING_DAYS} working days`,
    );
  }
  const names = stages.map((s) => s.name.trim().toLowerCase());
  if (new Set(names).size !== names.length)
    throw new RuleViolation('duplicate-stage-name', 'Each stage needs its own name');
}

const sameStages = (a: ProtocolStage[], b: ProtocolStage[]) =>
  a.length === b.length &&
  a.every((s, i) => s.name === b[i].name && s.timescaleWorkingDays === b[i].timescaleWorkingDays);

function decide(command: EscalationProtocolCommand, state: EscalationProtocolState): EscalationProtocolEvent[] {
  const { protocolId } = command.data;
  if (command.type === 'define-escalation-protocol') {
    if (state.exists)
      throw new StateConflict('protocol-exists', `Escalation protocol ${protocolId} is already defined`);
    assertValidStages(command.data.stages);
    return [
      {
        type: 'escalation-protocol-defined',
        data: { protocolId, name: command.data.name, version: 1, stages: command.data.stages },
      },
    ];
  }
  if (!state.exists)
    throw new RuleViolation('protocol-not-defined', `Escalation protocol ${protocolId} is not defined`);
  assertValidStages(command.data.stages);
  const name = command.data.name ?? state.name ?? '';
  // A version that changes nothing would make "which version was this raised under?" meaningless.
  if (name === state.name && sameStages(command.data.stages, state.stages)) {
    throw new RuleViolation('protocol-unchanged', 'The revision changes neither the name nor the stages');
  }
  const { stages, reason } = command.data;
  return [
    {
      type: 'escalation-protocol-revised',
      data: { protocolId, name, version: state.version + 1, stages, ...(reason ? { reason } : {}) },
    },
  ];
}

/** A revision restates the whole protocol, as its definition did. */
function defined(_: EscalationProtocolState, event: EscalationProtocolEvent): EscalationProtocolState {
  return { exists: true, name: event.data.name, version: event.data.version, stages: event.data.stages };
}

const evolutions: Evolutions<EscalationProtocolEvent, EscalationProtocolState> = {
  'escalation-protocol-defined': defined,
  'escalation-protocol-revised': defined,
};

export const EscalationProtocol = aggregateOf(
  { category: 'protocol', name: 'Escalation protocol' },
  { initialState, decide, evolutions },
);
