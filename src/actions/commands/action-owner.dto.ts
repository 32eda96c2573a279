import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { IsIn, registerDecorator, type ValidationArguments } from 'class-validator';
import { ID_PATTERN } from '../../http/ids';
import { OWNER_KINDS, type ActionOwner, type OwnerKind } from '../domain/action-owner';

const TEAM_NAME_MAX = 100;
const isId = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v);
const isTeamName = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= TEAM_NAME_MAX;

/**
 * The field that names an owner of `kind`: required (and well formed) for that kind, absent for
 * the others, so a flat body can only ever say one thing about who owns the action.
 */
function OwnerField(kind: OwnerKind, check: (v: unknown) => boolean, shape: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'ownerField',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (args.object as OwnerDto).kind === kind ? check(value) : value === undefined,
        defaultMessage: (args: ValidationArguments) =>
          (args.object as OwnerDto).kind === kind
            ? `$property is required for a ${kind} owner and must be ${shape}`
            : `$property is only for a ${kind} owner`,
      },
    });
}

/** One owner as the minutes name it: a person, a whole partner agency or a team ("WS Business Team", "All"). */
export class OwnerDto {
  @ApiProperty({ enum: OWNER_KINDS, description: 'Which one field below names the owner' })
  @IsIn(OWNER_KINDS)
  kind!: OwnerKind;

  @ApiPropertyOptional({
    description: 'For kind person: a registered person (need not be on the attendance list)',
    example: 'amrita-sharma',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @OwnerField('person', isId, 'a record id')
  personId?: string;

  @ApiPropertyOptional({
    description: 'For kind partner: a registered partner agency',
    example: 'warwickshire-police',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @OwnerField('partner', isId, 'a record id')
  partnerId?: string;

  @ApiPropertyOptional({
    description: 'For kind team: the team as the minutes name it',
    example: 'WS Business Team',
    maxLength: TEAM_NAME_MAX,
  })
  @OwnerField('team', isTeamName, `1 to ${TEAM_NAME_MAX} characters`)
  name?: string;
}

/** The validated flat DTOs as the domain's owner union. */
export function toOwners(dtos: OwnerDto[]): ActionOwner[] {
  return dtos.map((o): ActionOwner => {
    switch (o.kind) {
      case 'person':
        return { kind: 'person', personId: o.personId! };
      case 'partner':
        return { kind: 'partner', partnerId: o.partnerId! };
      case 'team':
        return { kind: 'team', name: o.name!.trim() };
    }
  });
}
