import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { provenance } from './as-of-answer';

/** What an as-of answer was computed from (as-of-answer.ts provenance(); the compiler checks the class against it). */
@ApiSchema({ name: 'AsOfProvenance' })
export class AsOfProvenanceSchema implements ReturnType<typeof provenance> {
  @ApiProperty({ enum: ['position', 'recorded'], description: 'Whether asOf named a log position or a recording time' })
  basis!: 'position' | 'recorded';

  @ApiProperty({ description: 'asOf as sent', example: '2022-06-30' })
  requested!: string;

  @ApiProperty({
    type: 'integer',
    description: 'The state after every event at or before this position (-1: before the first)',
  })
  position!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the register showed this (absent before the first event)',
  })
  recordedAt?: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The snapshot position the answer started from, or null',
  })
  snapshot!: number | null;

  @ApiProperty({ type: 'integer', description: 'How many events were replayed past the snapshot' })
  replayed!: number;
}
