import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { createHash, createPublicKey } from 'node:crypto';
import { CollectionRead, RecordRead } from '../../../http/endpoint-responses';
import { RecordETag } from '../../../http/etag/record-etag';
import { DigestPageSchema, LedgerDigestDetailSchema } from '../../http/ledger.responses';
import { NotFound } from '../../../shared/domain-errors';
import { digestSigningPayload, verifyDigestSignature } from '../digest-signature';
import type { SignedDigest } from '../signed-digest';
import { Requires } from '../../../auth/requires.decorator';
import { problem } from '../../../http/problem';
import { LogHeadDigester } from '../log-head-digester';

const MAX_LIMIT = 1000;

function wholeNumber(
  raw: string | undefined,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw === '' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new BadRequestException(
      problem(400, `invalid-${name}`, `${name} must be a whole number from ${min} to ${max}`, { detail: `got ${raw}` }),
    );
  }
  return n;
}

/** The SHA-256 of the key's DER (SPKI), or of the PEM text when it does not parse (the signature then fails too). */
function keyFingerprint(pem: string): string {
  let der: Buffer;
  try {
    der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  } catch {
    der = Buffer.from(pem, 'utf8');
  }
  return createHash('sha256').update(der).digest('hex');
}

/** What an auditor checks a digest with: the bytes signed, the signature's check, the key's fingerprint, the proofs. */
function verificationOf(d: SignedDigest): LedgerDigestDetailSchema['verification'] {
  const tree = d.treeSize !== undefined;
  return {
    signedPayload: digestSigningPayload(d).toString('utf8'),
    signatureValid: verifyDigestSignature(d),
    publicKeySha256: keyFingerprint(d.publicKeyPem),
    ...(tree
      ? {
          consistencyProof: `/ledger/digests/${d.digestId}/consistency?from={from}`,
          inclusionProof: `/ledger/events/{position}/inclusion?digest=${d.digestId}`,
        }
      : {}),
  };
}

/** The digests recorded so far, in log order, each with who recorded it: what auditors check packs against. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger/digests')
export class ListLedgerDigestsController {
  constructor(private readonly digester: LogHeadDigester) {}

  @Get()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listLedgerDigests',
    summary:
      'Signed digests of the log head in log order, with who recorded each (a person or the scheduler); page with `after`',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    type: Number,
    description: 'The `next` of the previous page (a digest event position)',
  })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1 to ${MAX_LIMIT}, default 100` })
  @CollectionRead(DigestPageSchema, 'Signed digests in log order, with who recorded each', {
    problems: { 400: 'invalid-after or invalid-limit' },
  })
  list(@Query('after') after?: string, @Query('limit') limit?: string): Promise<DigestPageSchema> {
    return this.digester.list(
      wholeNumber(after, 'after', undefined, 0, Number.MAX_SAFE_INTEGER),
      wholeNumber(limit, 'limit', 100, 1, MAX_LIMIT)!,
    );
  }

  /** Its ETag rests on the digest stream's revision (always 0: a digest is recorded once, never changed). */
  @Get(':digestId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getLedgerDigest',
    summary:
      'One signed digest with who recorded it and its verification material: the exact payload signed, the signature checked, the key fingerprint and where its proofs are',
  })
  @ApiParam({
    name: 'digestId',
    description: 'A digest id: head-<position>',
    schema: { type: 'string', pattern: '^head-[0-9]+$' },
  })
  @RecordRead(LedgerDigestDetailSchema, 'The digest and how to verify it', {
    problems: { 404: 'digest-not-found' },
  })
  async get(@Param('digestId') digestId: string): Promise<LedgerDigestDetailSchema> {
    const found = await this.digester.find(digestId);
    if (!found) throw new NotFound('Digest', digestId);
    return { ...found, verification: verificationOf(found.digest) };
  }
}
