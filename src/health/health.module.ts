import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../read-models/projections.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [ProjectionsModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
