import { Global, Module } from '@nestjs/common';
import { CASE_REVIEW_CITATIONS } from './case-reviews';
import { CommandRunner } from './ledger/command-runner';
import { ServedRecords } from './ledger/served-records';
import { SERVED_RECORDS, type CitableSource } from './ledger/served-records.port';

/**
 * Which context answers for each kind an action, decision or sign-off may cite (`serves`): one line
 * per context. Inspections (inspection-recommendation) and audits (audit, audit-finding,
 * thematic-review) add theirs here; until then those kinds are recorded as given.
 */
export const CITABLE_SOURCES: readonly CitableSource[] = [CASE_REVIEW_CITATIONS];

/** Provides the SERVED_RECORDS port to every context's handlers. */
@Global()
@Module({
  providers: [
    {
      provide: SERVED_RECORDS,
      inject: [CommandRunner],
      useFactory: (runner: CommandRunner) => new ServedRecords(runner, CITABLE_SOURCES),
    },
  ],
  exports: [SERVED_RECORDS],
})
export class ServedRecordsModule {}
