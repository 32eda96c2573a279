import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { ActorSchema } from '../../http/response-schemas';
import { RECORD_KINDS, type RecordKind } from '../domain/pack-scope';
import type { PackStatus } from '../domain/evidence-pack';
import type { PackProgress } from '../pack/build/build-pack-contract';

/**
 * Evidence packs' answers as OpenAPI classes. The controllers return these types, so the compiler
 * checks every required field against what pack-views.ts builds.
 */
const PACK_STATUSES: PackStatus[] = ['queued', 'generating', 'completed', 'failed'];
const PHASES: PackProgress['phase'][] = [
  'selecting',
  'events',
  'log-proofs',
  'log-hashes',
  'tables',
  'summary',
  'manifest',
  'done',
];

@ApiSchema({ name: 'PackPerson' })
export class PackPersonSchema {
  @ApiProperty() userId!: string;
  @ApiProperty() role!: string;
  @ApiProperty() agency!: string;
}

@ApiSchema({ name: 'PackScope' })
export class PackScopeSchema {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [String], description: 'Empty: every board' }) boardIds!: string[];
  @ApiProperty({ type: [String], description: 'Empty: every partner' }) partnerIds!: string[];
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ enum: RECORD_KINDS, isArray: true }) records!: RecordKind[];
  @ApiPropertyOptional({ description: 'The one case review whose chain the pack holds' }) caseReviewId?: string;
}

@ApiSchema({ name: 'PackProgress' })
export class PackProgressSchema {
  @ApiProperty({ enum: PHASES }) phase!: PackProgress['phase'];
  @ApiProperty({ type: 'integer' }) eventsWritten!: number;
}

@ApiSchema({ name: 'PackFile' })
export class PackFileSchema {
  @ApiProperty() name!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ type: 'integer' }) bytes!: number;
}

@ApiSchema({ name: 'PackGrant' })
export class PackGrantSchema {
  @ApiProperty() inspectorUserId!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() revoked!: boolean;
}

@ApiSchema({ name: 'EvidencePack' })
export class PackViewSchema {
  @ApiProperty() packId!: string;
  @ApiProperty({ enum: PACK_STATUSES }) status!: PackStatus;
  @ApiProperty({ type: PackScopeSchema }) scope!: PackScopeSchema;
  @ApiProperty({ type: PackPersonSchema }) requestedBy!: PackPersonSchema;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: PackProgressSchema, nullable: true, description: "While building: the builder's phase" })
  progress!: PackProgressSchema | null;
  @ApiProperty({ type: String, nullable: true }) rootHash!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) bytes!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) generatedAt!: string | null;
  @ApiProperty({ type: [PackFileSchema] }) files!: PackFileSchema[];
  @ApiProperty({ type: String, nullable: true }) digestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) failure!: string | null;
  @ApiProperty({ type: [PackGrantSchema], description: 'Requesters see every grant; an inspector only their own' })
  grants!: PackGrantSchema[];
  @ApiProperty({ type: 'integer', description: 'The pack stream revision' }) revision!: number;
}

@ApiSchema({ name: 'PackAccessBy' })
export class PackAccessBySchema extends PackPersonSchema {
  @ApiPropertyOptional({ type: PackPersonSchema }) onBehalfOf?: PackPersonSchema;
}

@ApiSchema({ name: 'PackAccessLogEntry' })
export class AccessLogEntrySchema {
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ description: 'The ledger event type: what happened', example: 'evidence-pack-downloaded' })
  type!: string;
  @ApiProperty({ type: ActorSchema, description: 'Who did it (as histories name it)' }) actor!: ActorSchema;
  @ApiProperty({ enum: ['requested', 'granted', 'revoked', 'downloaded'], deprecated: true, description: 'Use type' })
  action!: 'requested' | 'granted' | 'revoked' | 'downloaded';
  @ApiProperty({ type: PackAccessBySchema, deprecated: true, description: 'Use actor' }) by!: PackAccessBySchema;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional() inspectorUserId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiresAt?: string;
  @ApiPropertyOptional() reason?: string;
}

@ApiSchema({ name: 'PackAccessLog' })
export class PackAccessLogSchema {
  @ApiProperty() packId!: string;
  @ApiProperty({ type: [AccessLogEntrySchema] }) entries!: AccessLogEntrySchema[];
}
