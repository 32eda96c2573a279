import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import type { provenance, TimeAxis } from './as-of-answer';

/** Business time applied to an answer: only events that happened by `through` (occurredAt). */
@ApiSchema({ name: 'AsOfValidAt' })
export class AsOfValidAtSchema {
  @ApiProperty({ description: 'validAt as sent', example: '2024-10-01' })
  requested!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Events whose business time (occurredAt) is at or before this instant were applied',
    example: '2024-10-01T23:59:59.999Z',
  })
  through!: string;
}

/** What an as-of answer was computed from (as-of-answer.ts provenance(); the compiler checks the class against it). */
@ApiSchema({ name: 'AsOfProvenance' })
export class AsOfProvenanceSchema implements ReturnType<typeof provenance> {
  @ApiProperty({
    enum: ['knownAt', 'validAt'],
    isArray: true,
    description:
      'The time axes the answer was read on: knownAt (recording time: what the ledger held then), validAt (business time: what had happened by then)',
    example: ['knownAt', 'validAt'],
  })
  axes!: TimeAxis[];

  @ApiProperty({
    enum: ['position', 'recorded', 'latest'],
    description:
      'How knownAt (or its deprecated name asOf) was given: a log position, a recording time, or not at all (latest: the ledger as it stands)',
  })
  basis!: 'position' | 'recorded' | 'latest';

  @ApiPropertyOptional({
    description: 'knownAt (or asOf) as sent; absent when it was not given',
    example: '2022-06-30',
  })
  requested?: string;

  @ApiProperty({
    type: 'integer',
    description: 'knownAt resolved: the events at or before this position were read (-1: before the first); opaque',
  })
  position!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the ledger held this: the latest recording time up to position (absent before the first event)',
  })
  recordedAt?: string;

  @ApiPropertyOptional({
    type: AsOfValidAtSchema,
    description: 'Present when validAt was given: of the events read, only those that happened by then were applied',
  })
  validAt?: AsOfValidAtSchema;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'The snapshot position the answer started from, or null (always null with validAt: snapshots are cut by recording time)',
  })
  snapshot!: number | null;

  @ApiProperty({ type: 'integer', description: 'How many events were read past the snapshot (or from the start)' })
  replayed!: number;
}
