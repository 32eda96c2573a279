import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../http/page-query.dto';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Paging for GET /budgets: years come in financial-year order. */
export class BudgetListQueryDto extends PageQueryDto {}
