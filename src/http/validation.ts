import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { problem } from './problem';
import { textErrors, type FieldError } from './text-hygiene';
import { cacheValidationMetadata } from './validation-metadata-cache';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function invalid(fields: FieldError[]): BadRequestException {
  return new BadRequestException(
    problem(400, 'validation-failed', 'The request has invalid fields', {
      detail: fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; '),
      errors: fields,
    }),
  );
}

/** Paths of every null in a parsed body, named as the validator names fields (`owners.0.partnerId`). */
export function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path || '(body)'];
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nullPaths(v, path ? `${path}.${k}` : k));
}

/** The body as its DTO class sees it (nested DTOs included), so @LongText marks can be read; plain when there is no DTO. */
function asDto(value: unknown, metadata: ArgumentMetadata): unknown {
  const type = metadata.metatype;
  const isDto = typeof type === 'function' && ![Object, Array, String, Number, Boolean].includes(type as never);
  return isDto && value !== null && typeof value === 'object' ? plainToInstance(type, value) : value;
}

/**
 * Whitelisting validation at the edge: unknown fields are refused, and each bad field is named.
 * No body field takes null: an optional field is left out instead. class-validator's @IsOptional
 * skips null as well as undefined, and a null id reached the handlers as a stream id ("must not
 * be empty", a 500); refusing null here, once, holds for every DTO, present and future. Likewise
 * text that may not be recorded (control and bidi characters, lone surrogates, zoneless
 * date-times: see text-hygiene.ts) is refused here for every body, before field validation, so the
 * answer names it whatever else is wrong.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const nulls = nullPaths(value);
      if (nulls.length)
        throw invalid(
          nulls.map((field) => ({
            field,
            messages: [`${field} must not be null; leave an optional field out instead`],
          })),
        );
      const unrecordable = textErrors(asDto(value, metadata));
      if (unrecordable.length) throw invalid(unrecordable);
    }
    return super.transform(value, metadata);
  }
}

export function validationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
