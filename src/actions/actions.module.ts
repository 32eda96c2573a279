import { Module } from '@nestjs/common';

/** Actions raised at meetings and chased to completion. */
@Module({ controllers: [], providers: [] })
export class ActionsModule {}
