/**
 * The evidence context's stateful services, for the layers that run them (scripts, tests): apart
 * from index.ts so that importing the context's domain never loads a store driver or Nest.
 */
export { PackStorage } from './jobs/pack-storage';
export { PgPackFiles } from './jobs/pg-pack-files';
export { PACK_FILES, type KeptPack, type PackFiles } from './jobs/pack-files.port';
export { PACK_QUEUE_LEASE, PackQueueLeadership } from './jobs/pack-queue-leadership';
export { PackJobRunner } from './jobs/pack-job-runner';
