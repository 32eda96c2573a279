import { hashLeaf } from './hashing';

/*
 * What one ledger event contributes to the log-level tree: its leaf input is
 *   UTF-8(streamId) 0x00 decimal(revision) 0x00 hex(integrity.hash)
 * The per-stream chain hash already covers the event's whole content (id, type, data, metadata)
 * and its predecessor, so hashing it again here adds nothing; streamId and revision bind the leaf
 * to its place, so a valid event cannot be replayed into another stream or slot and still match.
 * The leaf's index in the tree is its place in the global log (position order); positions
 * themselves stay out, being opaque and engine-specific (a ledger migrated between engines keeps
 * its tree). The encoding is injective: revision and hash are fixed alphabets without 0x00, so the
 * last two 0x00 bytes split it even if a stream id held one; a stream id that is not well-formed
 * Unicode (a lone surrogate) is refused, since UTF-8 would silently replace it.
 * Never change this format: every signed digest commits to it.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function eventLeafInput(streamId: string, revision: number, hash: string): Buffer {
  if (typeof streamId !== 'string' || LONE_SURROGATE.test(streamId))
    throw new TypeError(`stream id is not well-formed Unicode: ${JSON.stringify(streamId)}`);
  if (!Number.isSafeInteger(revision) || revision < 0) throw new RangeError(`not a stream revision: ${revision}`);
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
    throw new TypeError(`not an event hash (64 lowercase hex): ${JSON.stringify(hash)}`);
  return Buffer.from(`${streamId}\x00${revision}\x00${hash}`, 'utf8');
}

/** The leaf hash of an event: SHA-256(0x00 || eventLeafInput(...)). */
export const eventLeafHash = (e: { streamId: string; revision: number; integrity: { hash: string } }): Buffer =>
  hashLeaf(eventLeafInput(e.streamId, e.revision, e.integrity.hash));
