import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';

/**
 * Two optional fields that exclude each other, checked on the decorated field against the one
 * named first in the constraints: `@Validate(EitherField, ['meetingId', 'exactly-one'])` wants one
 * of them given, `@Validate(EitherField, ['nextUpdateDue', 'not-both'])` forbids giving both.
 */
@ValidatorConstraint({ name: 'eitherField' })
export class EitherField implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const [other, rule] = args.constraints as [string, 'exactly-one' | 'not-both'];
    const otherAbsent = (args.object as Record<string, unknown>)[other] === undefined;
    return rule === 'exactly-one' ? (value === undefined) !== otherAbsent : otherAbsent;
  }
  defaultMessage(args: ValidationArguments): string {
    const [other, rule] = args.constraints as [string, 'exactly-one' | 'not-both'];
    return rule === 'exactly-one'
      ? `give ${other} or ${args.property}, one of them`
      : `give ${args.property} or ${other}, not both`;
  }
}
