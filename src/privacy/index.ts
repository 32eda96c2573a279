/**
 * The privacy context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs), and pure (domain, types and the cipher, which loads no
 * store or framework), so read-model definitions can decode its events. The stateful services (the
 * key store, the retention scheduler, the master-key writer) are in services.ts. Its Nest module is
 * imported by the composition root alone (src/contexts.ts).
 */
export {
  DataSubject,
  ERASURE_BASES,
  type DataSubjectCommand,
  type DataSubjectEvent,
  type ErasureBasis,
} from './domain/data-subject';
/** How a sealed personal value looks in an event, for readers that must show or withhold it. */
export { ERASED_TEXT, isSealed, WITHHELD_TEXT, type SealedValue } from './sealed-value';
export { PersonalDataCipher, type ErasedVersion, type KeyRing } from './personal-data-cipher';
