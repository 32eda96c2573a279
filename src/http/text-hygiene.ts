import { isISO8601 } from 'class-validator';

/** One field's refusals, as the 400 problem lists them (built here and by the validation pipe). */
export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * What text may enter a record, checked once at the edge for every string in every command body
 * (so a new DTO is covered without doing anything). Records are read on screens, printed in packs
 * and opened in spreadsheets years later; characters that are invisible, reorder what is shown, or
 * cannot be encoded have no place in them:
 * - C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F). Free prose marked @LongText (notes,
 *   reasons, decision text) may hold tab and line feed; names, titles, ids and dates hold neither.
 *   Carriage return is refused everywhere: a line end is a line feed (clients send `\n`).
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text
 *   display in another order than it is stored ("Trojan Source"). The marks U+200E/U+200F that
 *   right-to-left writing needs are allowed.
 * - Lone UTF-16 surrogates (JSON `\ud800`): not text, and not encodable as UTF-8.
 * - A date-time with no zone (`2022-05-10T10:00:00`): which instant it names depends on the
 *   server's zone. Plain dates (YYYY-MM-DD) stay valid where a field takes a date.
 */

const LONG_TEXT = new WeakMap<object, Set<string>>();

/** Marks a free-prose field: tab and line feed are allowed in it, and it is never read as a date-time. */
export function LongText(): PropertyDecorator {
  return (target, key) => {
    const fields = LONG_TEXT.get(target) ?? new Set<string>();
    fields.add(String(key));
    LONG_TEXT.set(target, fields);
  };
}

/** Whether `key` of this object (a DTO instance; inherited fields included) is marked @LongText. */
export function isLongText(owner: object, key: string): boolean {
  for (
    let proto = Object.getPrototypeOf(owner) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (LONG_TEXT.get(proto)?.has(key)) return true;
  }
  return false;
}

// eslint-disable-next-line no-control-regex -- control characters are what these patterns refuse
const CONTROL_IN_SHORT = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above; tab, line feed and carriage return are allowed in long text
const CONTROL_IN_LONG = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ZONE = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** An ISO 8601 date-time (any form the validator takes: calendar, ordinal or week date; `T` or space) with no zone. */
function isZonelessDateTime(text: string): boolean {
  const separator = text.search(/[Tt ]/);
  return separator > 0 && isISO8601(text, { strict: true }) && !ZONE.test(text.slice(separator + 1));
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Any character one of the checks below looks for: most text has none, and is passed on one scan. */
// eslint-disable-next-line no-control-regex -- control characters are among what it looks for
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
/** Could be an ISO 8601 date-time: short, and starting with a year. */
const DATE_LIKE = /^[+-]?\d{4}/;

/** What is wrong with one string, or undefined when it may be recorded. */
export function textProblem(text: string, long: boolean): string | undefined {
  if (SUSPECT.test(text)) {
    const control = (long ? CONTROL_IN_LONG : CONTROL_IN_SHORT).exec(text);
    if (control)
      return `must not contain the control character ${codePoint(control[0])}${long ? ' (only tab and line feed are allowed in free text)' : ''}`;
    const bidi = BIDI_CONTROL.exec(text);
    if (bidi) return `must not contain the bidirectional control ${codePoint(bidi[0])}`;
    if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (it is not text)';
  }
  if (!long && text.length <= 64 && DATE_LIKE.test(text) && isZonelessDateTime(text))
    return 'is a date-time without a time zone: add Z or an offset such as +01:00';
  return undefined;
}

/**
 * Every string in a body that may not be recorded, named as the validator names fields
 * (`owners.1.name`). Strings in an array take the array field's kind (long or short). Walks the
 * transformed body, whose nested objects are DTO instances carrying their @LongText marks; depth is
 * bounded by the JSON parser, so the recursion is too.
 */
export function textErrors(value: unknown, path = '', long = false, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const problem = textProblem(value, long);
    if (problem) found.push({ field: path || '(body)', messages: [`${path || 'the body'} ${problem}`] });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) textErrors(value[i], path ? `${path}.${i}` : String(i), long, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) textErrors(v, path ? `${path}.${k}` : k, isLongText(value, k), found);
  }
  return found;
}
