import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { HealthModule } from './health/health.module';
import { RouteSteps } from './http/route-steps';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { SlidingLogThrottlerStorage } from './http/rate-limit-storage';
import { IdempotencyModule } from './http/idempotency/idempotency.module';
import { SharedStateModule } from './shared-state/shared-state.module';
import { LedgerModule } from './ledger/ledger.module';
import { LogTreeModule } from './ledger/log-tree/log-tree.module';
import type { Clock } from './shared/clock';
import { CONTEXT_MODULES } from './contexts';
import { ServedRecordsModule } from './served-records.module';
import { ReadYourWritesGuard } from './read-models/consistency/read-your-writes.guard';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock, extra: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        SharedStateModule,
        CqrsModule.forRoot(),
        // The library's own storage re-filters a client's whole hit log on every request (rate-limit-storage.ts).
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
          storage: new SlidingLogThrottlerStorage(),
        }),
        LedgerModule,
        IdempotencyModule,
        LogTreeModule,
        HealthModule,
        ServedRecordsModule,
        ...CONTEXT_MODULES,
        ...extra,
      ],
      providers: [
        TokenVerifier,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        // Guards, not interceptors: any Nest interceptor costs a read a chain of rxjs links (route-steps.ts).
        // In this order: a read waits for its writes only once its caller may read; then the route's steps.
        { provide: APP_GUARD, useClass: ReadYourWritesGuard },
        { provide: APP_GUARD, useClass: RouteSteps },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
