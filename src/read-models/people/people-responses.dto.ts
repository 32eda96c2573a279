import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { asOf, historyOf, idProperty, pageOf, recorded } from '../registry/registry-responses.dto';

export class PersonRoleDto {
  @ApiProperty(idProperty('The partner represented')) partnerId!: string;
  @ApiPropertyOptional() title?: string;
  @ApiProperty({ type: String, nullable: true, description: 'From (null: from registration)' })
  from!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Until the next change (null: now)' })
  until!: string | null;
}

class PersonFieldsDto {
  @ApiProperty(idProperty('Person id (a name slug, never initials)')) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(idProperty('The partner represented now')) partnerId!: string;
  @ApiPropertyOptional({ description: 'The title now' }) title?: string;
  @ApiProperty({ type: [PersonRoleDto], description: 'Partner and title over time, oldest first' })
  roles!: PersonRoleDto[];
}

/** GET /people/{personId}: a person, the partner they represent and their title over time. */
export class PersonDto extends recorded(PersonFieldsDto, 'lastUpdate') {}

export class PersonPageDto extends pageOf(PersonDto) {}

export class PersonHistoryDto extends historyOf('personId', 'Person id') {}

export class PersonAsOfDto extends asOf(PersonDto) {}

export class PersonPageAsOfDto extends asOf(PersonPageDto) {}

export class PersonHistoryAsOfDto extends asOf(PersonHistoryDto) {}
