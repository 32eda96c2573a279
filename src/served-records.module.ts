import { Global, Module } from '@nestjs/common';
import { AUDIT_CITATIONS, THEMATIC_REVIEW_CITATIONS } from './assurance';
import { CASE_REVIEW_CITATIONS } from './case-reviews';
import { INSPECTION_CITATIONS } from './inspections';
import { CommandRunner } from './ledger/command-runner';
import { ServedRecords } from './ledger/served-records';
import { SERVED_RECORDS, type CitableSource } from './ledger/served-records.port';

/**
 * Which context answers for each kind an action, decision or sign-off may cite (`serves`): one entry
 * per source. Every kind has exactly one (served-records.module.spec.ts).
 */
export const CITABLE_SOURCES: readonly CitableSource[] = [
  CASE_REVIEW_CITATIONS,
  INSPECTION_CITATIONS,
  AUDIT_CITATIONS,
  THEMATIC_REVIEW_CITATIONS,
];

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
