import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { problem } from './problem';

/**
 * The deepest nesting a JSON body may have (the body's own object or array is level 1). The
 * deepest command body is four levels; everything after parsing (the idempotency fingerprint,
 * class-transformer, class-validator) walks bodies recursively, so a body 20,000 levels deep
 * would overflow the stack there. It is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

const [OPEN_BRACE, OPEN_BRACKET, CLOSE_BRACE, CLOSE_BRACKET, QUOTE, BACKSLASH] = ['{', '[', '}', ']', '"', '\\'].map((c) => c.charCodeAt(0));

/** The deepest nesting in JSON text, counted without parsing (so without recursion); strings are skipped. */
export function jsonDepth(text: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/** Paths (as the validation pipe names fields: `owners.0.partnerId`) of numbers that parsed to ±Infinity, e.g. 1e400. */
export function nonFinitePaths(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path || '(body)'];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, path ? `${path}.${k}` : k));
}

function tooDeep(depth: number): BadRequestException {
  return new BadRequestException(problem(400, 'body-too-deep', 'The JSON body is nested too deeply', {
    detail: `nested ${depth} levels; at most ${MAX_JSON_DEPTH} are accepted`,
    maxDepth: MAX_JSON_DEPTH,
  }));
}

function nonFinite(paths: string[]): BadRequestException {
  const errors = paths.map((field) => ({ field, messages: [`${field} must be a finite number (it overflows to Infinity)`] }));
  return new BadRequestException(problem(400, 'non-finite-number', 'A number in the body is too large to represent', {
    detail: errors.map((e) => e.messages[0]).join('; '),
    errors,
  }));
}

/**
 * Replaces the JSON body parser with one that bounds nesting and refuses non-finite numbers, so
 * every body that reaches Nest can be fingerprinted, transformed and validated without throwing:
 * a malformed body is a 400 naming the problem, never a 500. Parsing itself is Fastify's own
 * (prototype-poisoning protection included). Any other content type is a 415. Call before
 * app.init(): Nest then keeps this parser and registers no other.
 */
export function useBoundedJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Bodies are JSON only: text/plain reached the validator as one string, whose field errors misled.
  fastify.removeContentTypeParser('text/plain');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (req: FastifyRequest, body: Buffer, done) => {
    const depth = jsonDepth(body);
    if (depth > MAX_JSON_DEPTH) return done(tooDeep(depth), undefined);
    parseJson(req, body as unknown as string, (error, value) => {
      if (error) return done(error, undefined);
      const overflowing = nonFinitePaths(value);
      return overflowing.length ? done(nonFinite(overflowing), undefined) : done(null, value);
    });
  });
}
