/*
 * The log-level commitment of issue 12: an RFC 9162 (Certificate Transparency v2) Merkle tree over
 * every event of the global log in position order. Pure: hashing and verification (hashing.ts,
 * verify.ts), the RFC's recursive definitions as the executable spec (definition.ts), the
 * incremental tree an engine keeps at append time (compact-range.ts), which stored nodes a proof
 * needs (node-plan.ts) and proofs served from them (node-store.ts), and what an event's leaf is
 * (event-leaf.ts). Engines, digests, packs and verify-store wire it in; nothing here does I/O.
 */
export * from './hashing';
export * from './definition';
export * from './verify';
export * from './node-plan';
export * from './compact-range';
export * from './node-store';
export * from './event-leaf';
export * from './stream-heads';
