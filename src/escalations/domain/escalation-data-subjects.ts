import { RuleViolation } from '../../shared/domain-errors';
import type {
  DataSubject,
  EscalationCommand,
  EscalationEvent,
  EscalationState,
  PersonalNote,
} from './escalation.messages';

/**
 * Rules about the people an escalation names. They look only at subject ids and at which fields are
 * present, never at a name or date of birth: those are sealed before append and a decider must
 * decide the same whether or not anyone can still read them.
 */
export function assertDistinctSubjects(subjects: DataSubject[] | undefined): void {
  const ids = (subjects ?? []).map((s) => s.subjectId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice)
    throw new RuleViolation('duplicate-data-subject', `Data subject ${twice} is named twice`, { subjectId: twice });
}

export function assertNamed(state: EscalationState, escalationId: string, subjectId: string): void {
  if (!state.dataSubjectIds.includes(subjectId)) {
    throw new RuleViolation('data-subject-not-named', `Escalation ${escalationId} names no data subject ${subjectId}`, {
      subjectId,
    });
  }
}

/** A personal note must concern someone the escalation names, so erasing that person erases the note. */
export function notePart(
  state: EscalationState,
  escalationId: string,
  note: PersonalNote | undefined,
): { personalNote?: PersonalNote } {
  if (!note) return {};
  assertNamed(state, escalationId, note.subjectId);
  return { personalNote: note };
}

/** Rectification is a data-protection right: it is allowed whatever the escalation's status, even closed. */
export function rectify(
  command: Extract<EscalationCommand, { type: 'rectify-data-subject' }>,
  state: EscalationState,
): EscalationEvent[] {
  const { escalationId, subjectId, name, dateOfBirth, reason } = command.data;
  if (!state.exists || !state.current)
    throw new RuleViolation('escalation-not-raised', `Escalation ${escalationId} has not been raised`);
  assertNamed(state, escalationId, subjectId);
  if (name === undefined && dateOfBirth === undefined)
    throw new RuleViolation('nothing-to-rectify', 'A rectification corrects a name, a date of birth or both');
  return [
    {
      type: 'escalation-data-subject-rectified',
      data: {
        escalationId,
        subjectId,
        stage: state.current.stage,
        ...(name !== undefined ? { name } : {}),
        ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
        reason,
      },
    },
  ];
}
