import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { UpdatePersonCommand } from './update-person.handler';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

/** Give a new partner, a new title or both; the earlier ones stay on record for earlier dates. */
export class UpdatePersonDto extends CommandDto {
  @ApiProperty({
    description: 'Date the change takes effect; earlier records keep the previous partner and title',
    example: '2022-07-01',
  })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('The partner the person represents from effectiveFrom (registered first)', 'coventry-warwickshire-icb')
  partnerId?: string;

  @ApiPropertyOptional({ example: 'Escalation lead for health', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;
}

@ApiTags('people')
@Controller('people')
export class UpdatePersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':personId/update')
  @HttpCode(200)
  @Requires('partners:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'updatePerson',
    summary: "Change a person's title or the partner they represent from a date (history kept)",
  })
  update(@RecordId('personId') personId: string, @Body() dto: UpdatePersonDto, @Ctx() ctx: CommandContext) {
    const { effectiveFrom, partnerId, title } = dto;
    return this.commands.execute(new UpdatePersonCommand({ personId, effectiveFrom, partnerId, title }, ctx));
  }
}
