import { ApiPropertyOptional, IntersectionType, OmitType } from '../../shared/openapi/deferred-swagger';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { parseAsOf, parseValidAt } from '../../../projections/as-of';
import { ActionLogQueryDto } from '../action-log/action-log-query.dto';
import type { Bitemporal } from './as-of-engine';

const MAX_LENGTH = 40;

const MEASURES =
  'Measures that need a date (overdue on the action log, working days and breaches on the escalation trail) are read at validAt when it is given, otherwise at this date (for a position, the date it was recorded).';

export const KNOWN_AT_DESCRIPTION =
  'Recording time: what the ledger held then. A log position (integer, opaque): every event at or before it; or a date YYYY-MM-DD: ' +
  'as known at the end of that day (UTC), i.e. every event recorded by then and nothing entered later; or an ISO instant with a zone: as known at that instant. ' +
  `Default: the ledger as it stands. Give knownAt, validAt or both. ${MEASURES}`;

export const VALID_AT_DESCRIPTION =
  "Business time: what had happened by then (by each event's occurredAt), as known at knownAt. A date YYYY-MM-DD (by the end of that day, UTC) " +
  'or an ISO instant with a zone; never a log position. Default: no business-time filter. Minutes of a meeting recorded weeks later are ' +
  "in the answer for the meeting's date, which knownAt alone cannot give.";

/** "Text" on a query is still a string; anything else (an array from a repeated parameter) is not. */
const text = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_LENGTH;
const given = (args: ValidationArguments, property: string) =>
  (args.object as Record<string, unknown>)[property] !== undefined;

/** A position or a real date/instant, as projections/as-of.ts parses it. */
export const IsAsOf = () =>
  ValidateBy({
    name: 'isAsOf',
    validator: {
      validate: (value: unknown) => value === undefined || (text(value) && parseAsOf(value) !== undefined),
      defaultMessage: () =>
        '$property must be a log position (integer), a date YYYY-MM-DD or an ISO-8601 instant with a zone',
    },
  });

/** knownAt (or asOf), validAt or both: an as-of question without either axis asks nothing. */
const IsKnownAt = () =>
  ValidateBy({
    name: 'isKnownAt',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        value === undefined
          ? given(args!, 'asOf') || given(args!, 'validAt')
          : text(value) && parseAsOf(value) !== undefined,
      defaultMessage: (args?: ValidationArguments) =>
        args?.value === undefined
          ? 'give knownAt (recording time; asOf is its deprecated name), validAt (business time) or both'
          : '$property must be a log position (integer), a date YYYY-MM-DD or an ISO-8601 instant with a zone',
    },
  });

const IsValidAt = () =>
  ValidateBy({
    name: 'isValidAt',
    validator: {
      validate: (value: unknown) => value === undefined || (text(value) && parseValidAt(value) !== undefined),
      defaultMessage: () =>
        '$property must be a date YYYY-MM-DD or an ISO-8601 instant with a zone (business time has no log position)',
    },
  });

/** asOf was the name of recording time on /as-of/* until validAt gave them a second axis: it is knownAt now. */
export const KNOWN_AT_RENAMED = {
  old: 'asOf',
  replacement: 'knownAt',
  since: '2026-12-06T00:00:00Z',
  documentation: '/docs#/as-of',
} as const;

/** The two time axes every projection's time-travel query shares (src/read-models/as-of/README.md). */
export class AsOfQueryDto {
  @ApiPropertyOptional({
    maxLength: MAX_LENGTH,
    description: KNOWN_AT_DESCRIPTION,
    examples: ['2022-07-01', '1234', '2022-07-01T12:00:00Z'],
  })
  @IsKnownAt()
  knownAt?: string;

  @ApiPropertyOptional({
    maxLength: MAX_LENGTH,
    description: VALID_AT_DESCRIPTION,
    examples: ['2024-10-01', '2024-10-01T12:00:00+01:00'],
  })
  @IsValidAt()
  validAt?: string;

  @ApiPropertyOptional({
    maxLength: MAX_LENGTH,
    deprecated: true,
    description:
      'Deprecated name of knownAt (recording time; answers the same, with a Deprecation header); goes after one release. Both with different values: 400 conflicting-parameters',
    example: '2022-07-01',
  })
  @IsAsOf()
  asOf?: string;
}

/**
 * The question a validated query asks: knownAt under its name or the deprecated one
 * (RenamedQueryParameter refused the two disagreeing), and validAt; the validators parsed both.
 */
export function bitemporal(q: AsOfQueryDto): Bitemporal {
  const known = q.knownAt ?? q.asOf;
  const valid = q.validAt === undefined ? undefined : parseValidAt(q.validAt);
  return {
    ...(known !== undefined ? { knownAt: { asOf: parseAsOf(known)!, requested: known } } : {}),
    ...(valid ? { validAt: { ...valid, requested: q.validAt! } } : {}),
  };
}

/** GET /as-of/action-log: the action log's filters and paging, at a past point of the log. */
export class AsOfActionLogQueryDto extends IntersectionType(
  OmitType(ActionLogQueryDto, ['asOf', 'overdueOn'] as const),
  AsOfQueryDto,
) {}
