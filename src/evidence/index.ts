/**
 * The evidence context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { EvidencePack, type EvidencePackCommand, type EvidencePackEvent } from './domain/evidence-pack';
export { RECORD_KINDS, type PackScope, type RecordKind } from './domain/pack-scope';
/** The pack job runner, for /health. */
export { PackJobRunner } from './jobs/pack-job-runner';
/** Building and verifying a pack outside the app (scripts, bench): the builder, the offline verifier. */
export { buildPack } from './pack/build/build-pack';
/** The aggregates a pack selects from, which src/aggregates.ts lists first among the ledger's. */
export { PACK_SOURCES } from './pack/build/pack-events';
export type { BuildPackRequest, PackProgress } from './pack/build/build-pack-contract';
export type { PackManifest } from './pack/pack-manifest';
export { verifyPack, type VerifyOptions } from './pack/verify/verify-pack';
export { describeProblem } from './pack/verify/pack-problem';
/** The annual report's attendance appendix as CSV, as packs write it: the attendance register's HTTP read serves the same. */
export { attendanceRegisterCsv } from './pack/formats/tables/attendance-register-csv';
/** Reading a built pack's entries (e.g. to check what it holds). */
export { openZip, readEntryText } from './pack/verify/zip-reader';
