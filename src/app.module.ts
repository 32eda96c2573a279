import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, ModuleRef } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { HealthModule } from './health/health.module';
import { CommandResponseInterceptor } from './http/command-response.interceptor';
import { withRouteInterceptors } from './http/route-interceptors';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { SlidingLogThrottlerStorage } from './http/rate-limit-storage';
import { IdempotencyModule } from './http/idempotency/idempotency.module';
import { SharedStateModule } from './shared-state/shared-state.module';
import { LedgerModule } from './ledger/ledger.module';
import { LogTreeModule } from './ledger/log-tree/log-tree.module';
import type { Clock } from './shared/clock';
import { CONTEXT_MODULES } from './contexts';
import { ServedRecordsModule } from './served-records.module';
import { ReadYourWritesInterceptor } from './read-models/consistency/read-your-writes.interceptor';

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
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        CommandResponseInterceptor,
        ReadYourWritesInterceptor,
        {
          provide: APP_INTERCEPTOR,
          // One link for the global interceptors and the route's own (src/http/route-interceptors.ts).
          useFactory: (commands: CommandResponseInterceptor, reads: ReadYourWritesInterceptor, modules: ModuleRef) =>
            withRouteInterceptors([commands, reads], modules),
          inject: [CommandResponseInterceptor, ReadYourWritesInterceptor, ModuleRef],
        },
      ],
    };
  }
}
