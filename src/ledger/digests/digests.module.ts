import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import {
  RecordLedgerDigestController,
  RecordLedgerDigestHandler,
} from './commands/record-ledger-digest/record-ledger-digest';
import { DigestScheduler } from './digest-scheduler';
import { ListLedgerDigestsController } from './http/list-ledger-digests.controller';
import { LedgerProofsController } from '../http/ledger-proofs.controller';
import { LogHeadDigester } from './log-head-digester';
import { DIGEST_SIGNING_KEY, loadSigningKey } from './signing-key';

/**
 * Signed digests of the log head: on demand (POST /ledger/digests), on a schedule, and for the
 * evidence-pack builder (LogHeadDigester.latestCovering). The signing key is loaded at start:
 * a missing or bad key stops the start with a ConfigError naming LEDGER_SIGNING_KEY_FILE.
 */
@Module({
  controllers: [RecordLedgerDigestController, ListLedgerDigestsController, LedgerProofsController],
  providers: [
    { provide: DIGEST_SIGNING_KEY, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadSigningKey(c) },
    LogHeadDigester,
    RecordLedgerDigestHandler,
    DigestScheduler,
  ],
  exports: [LogHeadDigester],
})
export class DigestsModule {}
