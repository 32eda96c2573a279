import { createHash } from 'node:crypto';

/**
 * The entity tags reads carry (RFC 9110 section 8.8.3), worked out from the exact bytes sent:
 *
 * - one record: `"<revision>.<digest>"`. The revision is the record's stream revision, the number
 *   commands check If-Match against (src/http/command-context.decorator.ts reads it from this tag);
 * - a list or summary: `"p<position>.<digest>"`, the read model's position (opaque; `pnone` before
 *   its first event). Not a revision, so a command refuses it as If-Match (400) instead of
 *   comparing it with a record's.
 *
 * Why the digest: a document shows more than its own stream (a decision's sign-offs, a budget's
 * partner names), measures worked out at a date that defaults to today (overdue, working days) and
 * personal values revealed, withheld or erased per reader. A bare revision would answer 304 to a
 * client holding a body that has since changed; with the digest of the body the tag changes exactly
 * when the bytes do, which is what makes it a strong validator (the same bytes for the same tag).
 */
export function recordTag(revision: number, body: string): string {
  return `"${revision}.${digest(body)}"`;
}

export function positionTag(position: number | undefined, body: string): string {
  return `"p${position ?? 'none'}.${digest(body)}"`;
}

/** 64 bits of SHA-256 over the body: a validator, not a signature (nothing rests on it being unguessable). */
const digest = (body: string) => createHash('sha256').update(body).digest('hex').slice(0, 16);

/**
 * Whether If-None-Match names the current tag: "*" or a list of tags, compared weakly (a `W/`
 * prefix is ignored on either side), as RFC 9110 section 13.1.2 asks for GET.
 */
export function noneMatchHits(header: string | undefined, current: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => opaque(tag) === opaque(current));
}
