import { ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsRecordId } from '../../../http/ids';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../domain/meeting';

/** The part of an attendance line that describes how the person attended (shared with corrections). */
export class AttendanceStatusDto {
  @ApiProperty({
    enum: ATTENDANCE_STATUSES,
    description: "'also-representing' is present and covering another partner's seat",
  })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId(
    "The absent member whose seat is covered: required for 'deputising', allowed for 'also-representing'",
    'kevin-dicks',
  )
  deputisingForPersonId?: string;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId("The partner represented at this meeting: required for 'also-representing'", 'worcestershire-ccgs')
  representingPartnerId?: string;
}

/** One line of the minutes' attendance list. */
export class AttendanceEntryDto extends AttendanceStatusDto {
  @IsRecordId('The person (a name slug, never initials)', 'judith-willis')
  personId!: string;
}
