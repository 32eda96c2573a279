import { aggregateOf } from '../../ledger/aggregate';
import { unchanged, type Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import { assertDistinctSubjects, notePart, rectify } from './escalation-data-subjects';
import type { CurrentStage, EscalationCommand, EscalationEvent, EscalationState } from './escalation.messages';

export * from './escalation.messages';

/**
 * An inter-agency escalation (professional disagreement) under a protocol version.
 * Raised at stage 1; the concerning agency acknowledges and responds; the secretariat escalates it
 * stage by stage, resolves it with an outcome and closes it. Stages never go backwards: there is
 * deliberately no de-escalate command, because the record must show how far a disagreement went.
 * Time at each stage is measured by projections from the events' business times (occurredAt)
 * against the timescale each stage carries here.
 */
const initialState: EscalationState = { exists: false, stages: [], acknowledgedStages: [], dataSubjectIds: [] };

function raise(
  command: Extract<EscalationCommand, { type: 'raise-escalation' }>,
  state: EscalationState,
): EscalationEvent[] {
  const { protocol, raisedByAgencyRegistered, concerningAgencyRegistered, raisedByPersonRegistered, ...d } =
    command.data;
  if (state.exists) throw new StateConflict('escalation-exists', `Escalation ${d.escalationId} is already raised`);
  if (d.raisedByAgency === d.concerningAgency) {
    throw new RuleViolation(
      'same-agency',
      'An escalation is between two agencies: the raising and concerning agencies must differ',
    );
  }
  if (!protocol.defined || protocol.stages.length === 0)
    throw new RuleViolation('protocol-not-defined', `Escalation protocol ${d.protocolId} is not defined`);
  if (!raisedByAgencyRegistered)
    throw new RuleViolation('raising-agency-not-registered', `Partner ${d.raisedByAgency} is not registered`);
  if (!concerningAgencyRegistered)
    throw new RuleViolation('concerning-agency-not-registered', `Partner ${d.concerningAgency} is not registered`);
  if (!raisedByPersonRegistered)
    throw new RuleViolation('raising-person-not-registered', `Person ${d.raisedByPersonId} is not registered`);
  assertDistinctSubjects(d.dataSubjects);
  const [first] = protocol.stages;
  return [
    {
      type: 'escalation-raised',
      data: {
        ...d,
        protocolVersion: protocol.version,
        stages: protocol.stages,
        stage: 1,
        stageName: first.name,
        timescaleWorkingDays: first.timescaleWorkingDays,
      },
    },
  ];
}

/** Refuses anything but resolve/close once resolved, and everything once closed. */
function assertOpen(command: EscalationCommand, state: EscalationState): CurrentStage {
  const id = command.data.escalationId;
  if (!state.exists || !state.current)
    throw new RuleViolation('escalation-not-raised', `Escalation ${id} has not been raised`);
  if (state.status === 'closed') {
    if (command.type === 'close-escalation')
      throw new StateConflict('escalation-already-closed', `Escalation ${id} is already closed`);
    throw new RuleViolation('escalation-closed', `Escalation ${id} is closed`);
  }
  if (state.status === 'resolved' && command.type !== 'close-escalation') {
    if (command.type === 'resolve-escalation')
      throw new StateConflict('escalation-already-resolved', `Escalation ${id} is already resolved`);
    throw new RuleViolation('escalation-resolved', `Escalation ${id} is resolved: only closing it remains`);
  }
  return state.current;
}

function decide(command: EscalationCommand, state: EscalationState): EscalationEvent[] {
  if (command.type === 'raise-escalation') return raise(command, state);
  if (command.type === 'rectify-data-subject') return rectify(command, state);
  const current = assertOpen(command, state);
  const { escalationId } = command.data;
  const { stage } = current;
  switch (command.type) {
    case 'acknowledge-escalation': {
      if (state.acknowledgedStages.includes(stage))
        throw new StateConflict(
          'already-acknowledged',
          `Stage ${stage} of escalation ${escalationId} is already acknowledged`,
        );
      const { note, personalNote } = command.data;
      return [
        {
          type: 'escalation-acknowledged',
          data: {
            escalationId,
            agency: state.concerningAgency!,
            stage,
            ...(note ? { note } : {}),
            ...notePart(state, escalationId, personalNote),
          },
        },
      ];
    }
    case 'record-escalation-response': {
      const { respondingAgency, response } = command.data;
      // Only the two parties to the disagreement respond in it; anyone else is a different escalation.
      if (respondingAgency !== state.concerningAgency && respondingAgency !== state.raisedByAgency) {
        throw new RuleViolation('agency-not-party', `${respondingAgency} is not a party to escalation ${escalationId}`);
      }
      return [
        {
          type: 'escalation-response-recorded',
          data: {
            escalationId,
            respondingAgency,
            stage,
            response,
            ...notePart(state, escalationId, command.data.personalNote),
          },
        },
      ];
    }
    case 'escalate-escalation': {
      const next = state.stages[stage]; // stages are 1-based, the array 0-based: index `stage` is the next one
      if (!next)
        throw new RuleViolation(
          'no-further-stage',
          `Escalation ${escalationId} is at the last stage (${stage}) of its protocol`,
        );
      return [
        {
          type: 'escalation-stage-escalated',
          data: {
            escalationId,
            fromStage: stage,
            stage: stage + 1,
            stageName: next.name,
            timescaleWorkingDays: next.timescaleWorkingDays,
            reason: command.data.reason,
          },
        },
      ];
    }
    case 'resolve-escalation': {
      const { outcome, summary } = command.data;
      return [{ type: 'escalation-resolved', data: { escalationId, stage, outcome, summary } }];
    }
    case 'close-escalation':
      if (state.status !== 'resolved')
        throw new RuleViolation(
          'escalation-not-resolved',
          `Escalation ${escalationId} must be resolved before it is closed`,
        );
      return [{ type: 'escalation-closed', data: { escalationId, stage } }];
  }
}

const evolutions: Evolutions<EscalationEvent, EscalationState> = {
  'escalation-raised': (_, { data: raised }) => ({
    exists: true,
    status: 'open',
    protocolId: raised.protocolId,
    protocolVersion: raised.protocolVersion,
    stages: raised.stages,
    raisedByAgency: raised.raisedByAgency,
    concerningAgency: raised.concerningAgency,
    current: {
      stage: raised.stage,
      stageName: raised.stageName,
      timescaleWorkingDays: raised.timescaleWorkingDays,
    },
    acknowledgedStages: [],
    dataSubjectIds: (raised.dataSubjects ?? []).map((s) => s.subjectId),
  }),
  'escalation-acknowledged': (state, event) => ({
    ...state,
    acknowledgedStages: [...state.acknowledgedStages, event.data.stage],
  }),
  // Facts for the trail alone: no later rule depends on them.
  'escalation-response-recorded': unchanged,
  'escalation-data-subject-rectified': unchanged,
  'escalation-stage-escalated': (state, event) => {
    const { stage, stageName, timescaleWorkingDays } = event.data;
    return { ...state, current: { stage, stageName, timescaleWorkingDays } };
  },
  'escalation-resolved': (state, event) => ({ ...state, status: 'resolved', outcome: event.data.outcome }),
  'escalation-closed': (state) => ({ ...state, status: 'closed' }),
};

export const Escalation = aggregateOf(
  { category: 'escalation', name: 'Escalation' },
  { initialState, decide, evolutions },
  {
    // Personal values, declared once here: the CommandRunner seals them under each subject's key before append.
    'escalation-raised': {
      version: 1,
      personal: [
        { path: 'dataSubjects[].name', subject: 'dataSubjects[].subjectId' },
        { path: 'dataSubjects[].dateOfBirth', subject: 'dataSubjects[].subjectId' },
      ],
    },
    'escalation-acknowledged': {
      version: 1,
      personal: [{ path: 'personalNote.text', subject: 'personalNote.subjectId' }],
    },
    'escalation-response-recorded': {
      version: 1,
      personal: [{ path: 'personalNote.text', subject: 'personalNote.subjectId' }],
    },
    'escalation-data-subject-rectified': {
      version: 1,
      personal: [
        { path: 'name', subject: 'subjectId', newKeyVersion: true },
        { path: 'dateOfBirth', subject: 'subjectId', newKeyVersion: true },
      ],
    },
  },
);
