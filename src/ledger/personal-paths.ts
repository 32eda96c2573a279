import type { PersonalField } from './event-codec';

/** One declared personal value found in an event's data: where it is and whose it is. */
export interface PersonalSlot {
  /** The object holding the value, and its key there. */
  holder: Record<string, unknown>;
  key: string;
  subjectId: string;
}

type Node = Record<string, unknown>;

/** Follows dotted segments, fanning out at `name[]` over every element of the array. */
function walk(nodes: Node[], segments: string[]): Node[] {
  let current = nodes;
  for (const segment of segments) {
    const many = segment.endsWith('[]');
    const name = many ? segment.slice(0, -2) : segment;
    current = current.flatMap((n) => {
      const v = n?.[name];
      if (v === undefined || v === null) return [];
      return many ? (Array.isArray(v) ? (v as Node[]) : []) : ([v] as Node[]);
    });
  }
  return current;
}

/** The shared leading segments of the value's and the subject's paths: both are read from the same element. */
function split(field: PersonalField): { prefix: string[]; valueTail: string[]; subjectTail: string[] } {
  const value = field.path.split('.');
  const subject = field.subject.split('.');
  let i = 0;
  while (i < value.length - 1 && i < subject.length - 1 && value[i] === subject[i]) i++;
  return { prefix: value.slice(0, i), valueTail: value.slice(i), subjectTail: subject.slice(i) };
}

/**
 * Every present value a declaration names in `data` (absent optional fields are skipped), with the
 * subject id beside it. A value without a subject id is a programming error, not a request error:
 * it would be sealed under nobody's key and could never be erased.
 */
export function personalSlots(data: unknown, field: PersonalField): PersonalSlot[] {
  const { prefix, valueTail, subjectTail } = split(field);
  return walk([data as Node], prefix).flatMap((element) => {
    const holders = walk([element], valueTail.slice(0, -1));
    const key = valueTail[valueTail.length - 1];
    const subjectId = walk([element], subjectTail.slice(0, -1))[0]?.[subjectTail[subjectTail.length - 1]];
    return holders
      .filter((h) => h[key] !== undefined && h[key] !== null)
      .map((holder) => {
        if (typeof subjectId !== 'string' || !subjectId)
          throw new Error(`Personal field ${field.path} has no data subject at ${field.subject}`);
        return { holder, key, subjectId };
      });
  });
}
