import { Module } from '@nestjs/common';

/** Decisions recorded at meeting items. */
@Module({ controllers: [], providers: [] })
export class DecisionsModule {}
