/** A data subject as a command body names them: who, how they relate to the record, their personal values. */
export interface DataSubjectInput<R extends string = string> {
  subjectId: string;
  relation: R;
  name: string;
  dateOfBirth?: string;
}

/**
 * The data subjects of a validated body as plain objects, not DTO instances: the personal-data
 * sealer walks the event's data and must meet only plain values (an absent date of birth left out).
 */
export function plainDataSubjects<R extends string>(
  subjects: readonly DataSubjectInput<R>[] | undefined,
): DataSubjectInput<R>[] | undefined {
  return subjects?.map(({ subjectId, relation, name, dateOfBirth }) => ({
    subjectId,
    relation,
    name,
    ...(dateOfBirth ? { dateOfBirth } : {}),
  }));
}
