import { Module } from '@nestjs/common';

/** Partnership budget, pledges, payments and underwriting. */
@Module({ controllers: [], providers: [] })
export class FundingModule {}
