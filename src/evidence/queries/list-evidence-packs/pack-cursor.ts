import { BadRequestException } from '@nestjs/common';
import { problem } from '../../../http/problem';

/** Packs are listed in request order; the cursor is the ledger position of the last one returned. */
export const encodePackCursor = (position: number) =>
  Buffer.from(JSON.stringify({ p: position })).toString('base64url');

export function decodePackCursor(cursor: string): number {
  try {
    const { p } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: unknown };
    if (typeof p === 'number' && Number.isSafeInteger(p) && p >= 0) return p;
  } catch {
    /* falls through to the 400 below */
  }
  throw new BadRequestException(problem(400, 'invalid-cursor', 'The cursor is not one this API returned'));
}
