import { Module } from '@nestjs/common';

/** Inter-agency escalations under a configurable protocol. */
@Module({ controllers: [], providers: [] })
export class EscalationsModule {}
