import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Public } from '../auth/requires.decorator';
import { EVENT_STORE, type EventStore } from '../ledger/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { checkProjections } from '../projections/projections-health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: ProjectionRunner,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ operationId: 'health', summary: 'Whether the event store is reachable and each projection is running, with its lag (503 when not)' })
  check() {
    return this.health.check([
      async () => {
        const probe = this.indicator.check('eventStore');
        try {
          await this.store.ping();
          return probe.up({ engine: this.config.store });
        } catch (err) {
          return probe.down({ engine: this.config.store, message: (err as Error).message });
        }
      },
      () => checkProjections(this.projections, this.indicator),
    ]);
  }
}
