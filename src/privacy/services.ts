/**
 * The privacy context's stateful services, for the layers that run them (health, scripts, tests):
 * apart from index.ts so that importing the context's domain never loads a store driver or Nest.
 */
export { SubjectKeyStore } from './subject-key-store';
export { keyRef, SUBJECT_KEYS, type SubjectKeys } from './subject-keys.port';
export { PgSubjectKeyStore } from './pg-subject-key-store';
export { RETENTION_ACTOR, RetentionScheduler } from './retention/retention-scheduler';
/** For the dev-secrets script. */
export { writeMasterKey } from './master-key';
