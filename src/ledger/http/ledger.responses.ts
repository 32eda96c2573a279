import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { ActorSchema } from '../../http/response-schemas';
import type { ChainProblemKind } from '../integrity/chain-verifier';

/**
 * The ledger's own reads as OpenAPI classes. The controllers return these types, so the compiler
 * checks every required field against the envelope (event-envelope.ts), the chain check
 * (chain-verifier.ts), the digests (signed-digest.ts, log-head-digester.ts) and the proofs.
 */
const HEX_64 = '^[0-9a-f]{64}$';

@ApiSchema({ name: 'EventMetadata' })
export class EventMetadataSchema {
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger stored it' }) recordedAt!: string;
}

@ApiSchema({ name: 'EventIntegrity' })
export class IntegritySchema {
  @ApiProperty({ pattern: HEX_64, description: 'Hash of the previous event in the stream' }) prevHash!: string;
  @ApiProperty({ pattern: HEX_64, description: 'SHA-256 over the canonical envelope plus prevHash' }) hash!: string;
}

@ApiSchema({ name: 'StoredEvent', description: 'One event as the ledger holds it' })
export class StoredEventSchema {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer', description: '0-based position in its stream' }) revision!: number;
  @ApiProperty({ type: 'integer', description: 'Position in the global log (opaque)' }) position!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer' }) schemaVersion!: number;
  @ApiProperty({ description: "The event's data, as its type defines it (personal values sealed)" }) data!: unknown;
  @ApiProperty({ type: EventMetadataSchema }) metadata!: EventMetadataSchema;
  @ApiProperty({ type: IntegritySchema }) integrity!: IntegritySchema;
}

@ApiSchema({ name: 'LedgerStream' })
export class LedgerStreamSchema {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: [StoredEventSchema] }) events!: StoredEventSchema[];
}

@ApiSchema({ name: 'ChainProblem' })
export class ChainProblemSchema {
  @ApiProperty({ enum: ['altered', 'removed', 'inserted', 'reordered'] }) kind!: ChainProblemKind;
  @ApiProperty() streamId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty() message!: string;
}

@ApiSchema({ name: 'ChainReport' })
export class VerifyReportSchema {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer' }) streamsChecked!: number;
  @ApiProperty({ type: 'integer' }) eventsChecked!: number;
  @ApiProperty({ type: [ChainProblemSchema], description: 'First problem per broken stream, in log order' })
  problems!: ChainProblemSchema[];
}

@ApiSchema({ name: 'SignedDigest' })
export class SignedDigestSchema {
  @ApiProperty({ example: 'head-41' }) digestId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ type: 'integer' }) eventCount!: number;
  @ApiProperty({ pattern: HEX_64 }) logHash!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiPropertyOptional({ type: 'integer' }) treeSize?: number;
  @ApiPropertyOptional({ pattern: HEX_64 }) treeRoot?: string;
  @ApiPropertyOptional({ type: 'integer' }) streamHeadsSize?: number;
  @ApiPropertyOptional({ pattern: HEX_64 }) streamHeadsRoot?: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SPKI PEM' }) publicKeyPem!: string;
  @ApiProperty({ description: 'Base64' }) signature!: string;
}

@ApiSchema({ name: 'RecordedDigest' })
export class RecordedDigestSchema {
  @ApiProperty({ type: SignedDigestSchema }) digest!: SignedDigestSchema;
  @ApiProperty({ type: 'integer', description: 'Where the digest event sits in the log' }) eventPosition!: number;
  @ApiProperty({ type: ActorSchema, description: 'A person or the scheduler' }) recordedBy!: ActorSchema;
}

@ApiSchema({ name: 'DigestPage' })
export class DigestPageSchema {
  @ApiProperty({ type: [RecordedDigestSchema] }) digests!: RecordedDigestSchema[];
  @ApiPropertyOptional({ type: 'integer', description: 'Send as `after` for the next page; absent on the last' })
  next?: number;
}

@ApiSchema({ name: 'DigestVerification', description: 'What an auditor needs to check the digest offline' })
export class DigestVerificationSchema {
  @ApiProperty({
    description:
      'The exact text signed: canonical JSON (keys sorted, no spaces) of the signed fields; verify `signature` over its UTF-8 bytes with `publicKeyPem` (Ed25519)',
  })
  signedPayload!: string;
  @ApiProperty({
    description:
      "Whether the signature fits the payload and the key the digest carries (checked now, by this server); whether that key is the partnership's published one is for the auditor to check",
  })
  signatureValid!: boolean;
  @ApiProperty({
    description: 'SHA-256 (hex) of the public key DER (SPKI), to compare with the published key',
    pattern: HEX_64,
  })
  publicKeySha256!: string;
  @ApiPropertyOptional({
    description:
      'Prove the log at this digest extends an older one: replace {from} with the older digest id (absent before the log tree)',
    example: '/ledger/digests/head-41/consistency?from={from}',
  })
  consistencyProof?: string;
  @ApiPropertyOptional({
    description: 'Prove an event is in the log this digest signed: replace {position} (absent before the log tree)',
    example: '/ledger/events/{position}/inclusion?digest=head-41',
  })
  inclusionProof?: string;
}

@ApiSchema({ name: 'LedgerDigestDetail', description: 'One recorded digest and its verification material' })
export class LedgerDigestDetailSchema extends RecordedDigestSchema {
  @ApiProperty({ type: 'integer', description: "The digest stream's revision (always 0: a digest is recorded once)" })
  revision!: number;
  @ApiProperty({ type: DigestVerificationSchema }) verification!: DigestVerificationSchema;
}

@ApiSchema({ name: 'TreeHead' })
export class TreeHeadSchema {
  @ApiProperty() digestId!: string;
  @ApiProperty({ type: 'integer' }) treeSize!: number;
  @ApiProperty({ pattern: HEX_64 }) treeRoot!: string;
}

@ApiSchema({ name: 'ConsistencyProof' })
export class ConsistencyProofSchema {
  @ApiProperty({ type: TreeHeadSchema }) from!: TreeHeadSchema;
  @ApiProperty({ type: TreeHeadSchema }) to!: TreeHeadSchema;
  @ApiProperty({ type: [String], description: 'RFC 9162 consistency proof, hex hashes' }) proof!: string[];
}

@ApiSchema({ name: 'ProvedEvent' })
export class ProvedEventSchema {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ pattern: HEX_64 }) hash!: string;
}

@ApiSchema({ name: 'InclusionProof' })
export class InclusionProofSchema {
  @ApiProperty({ type: 'integer' }) leafIndex!: number;
  @ApiProperty({ type: 'integer' }) treeSize!: number;
  @ApiProperty({ pattern: HEX_64 }) treeRoot!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 inclusion proof, hex hashes' }) proof!: string[];
  @ApiProperty({ type: ProvedEventSchema }) event!: ProvedEventSchema;
}
