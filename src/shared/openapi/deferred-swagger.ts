import type { Type } from '@nestjs/common';
import {
  inheritPropertyInitializers,
  inheritTransformationMetadata,
  inheritValidationMetadata,
} from '@nestjs/mapped-types';
import * as swagger from '@nestjs/swagger';

/**
 * @nestjs/swagger's decorators, applied when the OpenAPI document is first built instead of when
 * each class is defined. Applied at load they were ~0.09 s of every start (1,600 property decorators,
 * each merging metadata through lodash, and ~1,500 response entries deep-cloned), for a document most
 * starts never build. Each call is kept, with its arguments and target, and replayed in the order it
 * was made by applyDeferredOpenApi() (src/openapi.ts calls it before building the document), so the
 * metadata, and the document, are what the decorators applied at load would have made. A decorator
 * applied after the replay (a class defined later) is applied at once.
 *
 * Everything the service writes into OpenAPI metadata goes through here (the lint rules forbid
 * importing @nestjs/swagger elsewhere in src/): one decorator applied at load beside deferred ones would
 * change the order the document lists properties and responses in. ApiSchema is applied at once: it
 * only names a schema, and getSchemaPath reads that name while other decorators' arguments are built.
 */
const pending: (() => void)[] = [];
let replayed = false;

/** Runs `apply` at the replay, in its turn, or now once the replay has happened. */
export function deferOpenApi(apply: () => void): void {
  if (replayed) apply();
  else pending.push(apply);
}

/** Applies every decorator kept so far, in order; the first call does it, later calls nothing. */
export function applyDeferredOpenApi(): void {
  if (replayed) return;
  replayed = true;
  for (const apply of pending.splice(0)) apply();
}

type AnyDecorator = (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => unknown;

/** The same factory, whose decorator is kept for the replay (it returns nothing: the target is unchanged). */
function deferred<F extends (...args: never[]) => unknown>(factory: F): F {
  const later =
    (...args: Parameters<F>) =>
    (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) =>
      deferOpenApi(() => (factory(...args) as AnyDecorator)(target, key, descriptor));
  return later as unknown as F;
}

export * from '@nestjs/swagger';
export const ApiBearerAuth = deferred(swagger.ApiBearerAuth);
export const ApiExtension = deferred(swagger.ApiExtension);
export const ApiExtraModels = deferred(swagger.ApiExtraModels);
export const ApiHeader = deferred(swagger.ApiHeader);
export const ApiOkResponse = deferred(swagger.ApiOkResponse);
export const ApiOperation = deferred(swagger.ApiOperation);
export const ApiParam = deferred(swagger.ApiParam);
export const ApiProduces = deferred(swagger.ApiProduces);
export const ApiProperty = deferred(swagger.ApiProperty);
export const ApiPropertyOptional = deferred(swagger.ApiPropertyOptional);
export const ApiQuery = deferred(swagger.ApiQuery);
export const ApiResponse = deferred(swagger.ApiResponse);
export const ApiServiceUnavailableResponse = deferred(swagger.ApiServiceUnavailableResponse);
export const ApiTags = deferred(swagger.ApiTags);

/**
 * A mapped type's OpenAPI properties are its parents' (their ApiProperty metadata, copied), so that
 * copy waits for the replay too, in the order the type was made (after its parents' decorators, before
 * its subclasses'). What validation and transformation need happens at once, as @nestjs/swagger's own
 * helper does it: initialisers, class-validator and class-transformer metadata, and the class name.
 */
function copyOpenApiProperties(target: Type, parent: Type, keep: (key: string) => boolean): void {
  deferOpenApi(() => {
    const from = parent.prototype as Record<string, unknown>;
    const listed = (Reflect.getMetadata(swagger.DECORATORS.API_MODEL_PROPERTIES_ARRAY, from) ?? []) as unknown[];
    const fields = listed
      .filter((key): key is string => typeof key === 'string' && key.startsWith(':'))
      .map((key) => key.slice(1))
      .filter((key) => typeof from[key] !== 'function' && keep(key));
    for (const key of fields) {
      const metadata = Reflect.getMetadata(swagger.DECORATORS.API_MODEL_PROPERTIES, from, key) as
        swagger.ApiPropertyOptions | undefined;
      swagger.ApiProperty(metadata)(target.prototype as object, key);
    }
  });
}

export const IntersectionType: typeof swagger.IntersectionType = (...classRefs: Type[]) => {
  class IntersectionClassType {
    constructor() {
      for (const classRef of classRefs) inheritPropertyInitializers(this, classRef);
    }
  }
  for (const classRef of classRefs) {
    copyOpenApiProperties(IntersectionClassType, classRef, () => true);
    inheritValidationMetadata(classRef, IntersectionClassType);
    inheritTransformationMetadata(classRef, IntersectionClassType);
  }
  const names = classRefs.map((classRef) => classRef.name).join('');
  Object.defineProperty(IntersectionClassType, 'name', { value: `Intersection${names}` });
  return IntersectionClassType as never;
};

export const OmitType: typeof swagger.OmitType = <T, K extends keyof T>(classRef: Type<T>, keys: readonly K[]) => {
  const inherited = (key: string) => !keys.includes(key as K);
  class OmitTypeClass {
    constructor() {
      inheritPropertyInitializers(this, classRef, inherited);
    }
  }
  const omitted = keys.map((key) => String(key).replace(/[^A-Za-z0-9_$]/g, '_')).map(capitalised);
  Object.defineProperty(OmitTypeClass, 'name', { value: `Omit${classRef.name || 'Anonymous'}${omitted.join('')}` });
  inheritValidationMetadata(classRef, OmitTypeClass, inherited);
  inheritTransformationMetadata(classRef, OmitTypeClass, inherited);
  copyOpenApiProperties(OmitTypeClass, classRef, inherited);
  return OmitTypeClass as Type<Omit<T, K>>;
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
