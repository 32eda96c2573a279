/**
 * The privacy context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { DataSubject, type DataSubjectCommand, type DataSubjectEvent } from './domain/data-subject';
/** How a sealed personal value looks in an event, for readers that must show or withhold it. */
export { isSealed, WITHHELD_TEXT, type SealedValue } from './sealed-value';
export { PersonalDataCipher, type ErasedVersion } from './personal-data-cipher';
export { SubjectKeyStore } from './subject-key-store';
export { RETENTION_ACTOR, RetentionScheduler } from './retention/retention-scheduler';
/** For the dev-secrets script. */
export { writeMasterKey } from './master-key';
