/**
 * The pack builder (src/evidence/pack/build/build-pack.ts, type BuildPack in build-pack-contract.ts), injected so
 * the job runner depends on the contract and a test can watch the calls.
 */
export const PACK_BUILDER = Symbol('PACK_BUILDER');
