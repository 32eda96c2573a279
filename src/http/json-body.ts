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

const [OPEN_BRACE, OPEN_BRACKET, CLOSE_BRACE, CLOSE_BRACKET, QUOTE, BACKSLASH, COMMA] = [
  '{',
  '[',
  '}',
  ']',
  '"',
  '\\',
  ',',
].map((c) => c.charCodeAt(0));

/** One open object or array during the scan: where it is, and (objects) the keys it has so far. */
interface Frame {
  path: string;
  keys?: Set<string>;
  key: string;
  index: number;
  expectKey: boolean;
}

export interface JsonScan {
  /** The deepest nesting (the body's own object or array is level 1). */
  depth: number;
  /** The path (`owners.1.name`) of the first key that appears twice in one object, if any. */
  duplicateKey?: string;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * One pass over JSON text without parsing (so without recursion): its deepest nesting, and the first
 * key repeated within one object. JSON.parse keeps the last of two equal keys silently, so a body
 * could say one thing to a reader and another to the ledger. Keys are compared decoded (`"n\u0061me"`
 * is `"name"`); only keys are decoded, values are skipped. On text that is not JSON the result is
 * meaningless, and the parser refuses it anyway.
 */
export function scanJson(text: Uint8Array): JsonScan {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const stack: Frame[] = [];
  let deepest = 0;
  let duplicateKey: string | undefined;
  let inString = false;
  let start = 0;
  let escaped = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const top = stack[stack.length - 1];
    if (inString) {
      if (c === BACKSLASH) {
        i++;
        escaped = true;
      } else if (c === QUOTE) {
        inString = false;
        if (top?.keys && top.expectKey) {
          top.expectKey = false;
          if (duplicateKey !== undefined) continue;
          top.key = escaped ? decodeKey(bytes, start, i) : bytes.toString('utf8', start + 1, i);
          if (top.keys.has(top.key)) duplicateKey = join(top.path, top.key);
          else top.keys.add(top.key);
        }
      }
    } else if (c === QUOTE) {
      inString = true;
      start = i;
      escaped = false;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const path = top ? join(top.path, top.keys ? top.key : String(top.index)) : '';
      stack.push({ path, keys: c === OPEN_BRACE ? new Set() : undefined, key: '', index: 0, expectKey: true });
      deepest = Math.max(deepest, stack.length);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) stack.pop();
    else if (c === COMMA && top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
  return { depth: deepest, ...(duplicateKey !== undefined ? { duplicateKey } : {}) };
}

function decodeKey(bytes: Buffer, start: number, end: number): string {
  const quoted = bytes.toString('utf8', start, end + 1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}

/** The deepest nesting in JSON text, counted without parsing; strings are skipped. */
export const jsonDepth = (text: Uint8Array): number => scanJson(text).depth;

/** Paths (as the validation pipe names fields: `owners.0.partnerId`) of numbers that parsed to ±Infinity, e.g. 1e400. */
export function nonFinitePaths(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path || '(body)'];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, path ? `${path}.${k}` : k));
}

function tooDeep(depth: number): BadRequestException {
  return new BadRequestException(
    problem(400, 'body-too-deep', 'The JSON body is nested too deeply', {
      detail: `nested ${depth} levels; at most ${MAX_JSON_DEPTH} are accepted`,
      maxDepth: MAX_JSON_DEPTH,
    }),
  );
}

function duplicate(field: string): BadRequestException {
  return new BadRequestException(
    problem(400, 'duplicate-json-key', 'A key appears twice in one JSON object', {
      detail: `${field} is given more than once in the same object; send each field once`,
      field,
      errors: [{ field, messages: [`${field} is given more than once`] }],
    }),
  );
}

function nonFinite(paths: string[]): BadRequestException {
  const errors = paths.map((field) => ({
    field,
    messages: [`${field} must be a finite number (it overflows to Infinity)`],
  }));
  return new BadRequestException(
    problem(400, 'non-finite-number', 'A number in the body is too large to represent', {
      detail: errors.map((e) => e.messages[0]).join('; '),
      errors,
    }),
  );
}

type CallbackBodyParser = (
  req: FastifyRequest,
  body: string,
  done: (err: Error | null, value?: unknown) => void,
) => void;

/**
 * Replaces the JSON body parser with one that bounds nesting and refuses duplicate keys and non-finite numbers, so
 * every body that reaches Nest can be fingerprinted, transformed and validated without throwing:
 * a malformed body is a 400 naming the problem, never a 500. Parsing itself is Fastify's own
 * (prototype-poisoning protection included). Any other content type is a 415. Call before
 * app.init(): Nest then keeps this parser and registers no other.
 */
export function useBoundedJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Bodies are JSON only: text/plain reached the validator as one string, whose field errors misled.
  fastify.removeContentTypeParser('text/plain');
  // Fastify types a body parser as callback- or promise-based; its default JSON parser is the callback kind
  // (it calls `done` and returns nothing), so nothing it returns is left unhandled.
  const parseJson = fastify.getDefaultJsonParser('error', 'error') as CallbackBodyParser;
  app.useBodyParser('application/json', { bodyLimit }, (req: FastifyRequest, body: Buffer, done) => {
    const { depth, duplicateKey } = scanJson(body);
    if (depth > MAX_JSON_DEPTH) return done(tooDeep(depth), undefined);
    parseJson(req, body as unknown as string, (error, value) => {
      if (error) return done(error, undefined);
      if (duplicateKey !== undefined) return done(duplicate(duplicateKey), undefined);
      const overflowing = nonFinitePaths(value);
      return overflowing.length ? done(nonFinite(overflowing), undefined) : done(null, value);
    });
  });
}
