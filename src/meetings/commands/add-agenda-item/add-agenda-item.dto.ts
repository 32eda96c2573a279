import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

export class AddAgendaItemDto extends CommandDto {
  @ApiProperty({ description: 'Item number, unique in the meeting; decisions and actions cite it', example: 4, minimum: 1, maximum: 999 })
  @IsInt()
  @Min(1)
  @Max(999)
  itemNumber!: number;

  @ApiProperty({ example: 'Child Safeguarding Practice Review', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('Who presents the item (registered first)', 'nicki-pettitt')
  presenterPersonId?: string;
}
