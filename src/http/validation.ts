import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { problem } from './problem';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelisting validation at the edge: unknown fields are refused, and each bad field is named. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException(
        problem(400, 'validation-failed', 'The request has invalid fields', {
          detail: fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; '),
          errors: fields,
        }),
      );
    },
  });
}
