import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

export class WithdrawSignoffSignatureDto extends CommandDto {
  @IsRecordId('The partner whose signature is withdrawn (representatives: their own agency)', 'warwickshire-police')
  partnerId!: string;

  @ApiProperty({ example: 'The performance figures changed after we signed', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}
