import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { BOARD_KINDS, type BoardKind } from '../../domain/board';

export class RegisterBoardDto extends CommandDto {
  @IsRecordId('Stable board id (short names collide: both counties have a "WSCB")', 'wseb')
  boardId!: string;

  @ApiProperty({ example: 'Warwickshire Safeguarding Executive Board', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: BOARD_KINDS })
  @IsIn(BOARD_KINDS)
  kind!: BoardKind;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('The board this group reports to (registered first)', 'wseb')
  parentBoardId?: string;
}
