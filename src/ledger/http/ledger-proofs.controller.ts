import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '../../shared/openapi/deferred-swagger';
import { RecordRead } from '../../http/endpoint-responses';
import { ConsistencyProofSchema, InclusionProofSchema } from './ledger.responses';
import { Requires } from '../../auth/requires.decorator';
import { problem } from '../../http/problem';
import { NotFound, RuleViolation } from '../../shared/domain-errors';
import { LogHeadDigester } from '../digests/log-head-digester';
import type { SignedDigest } from '../digests/signed-digest';
import type { EventStore } from '../event-store.port';
import { EVENT_STORE } from '../event-store.port';
import { LogTreeFollower } from '../log-tree/log-tree-follower';
import { LOG_TREE, type LogTree } from '../log-tree/log-tree.port';

type TreeDigest = SignedDigest & { treeSize: number; treeRoot: string };

/**
 * Proofs against signed digests, for anyone holding a digest to check offline with RFC 9162's
 * verifiers (src/ledger/integrity/merkle/verify.ts): that the log at a newer digest extends the
 * older one (consistency), and that an event is in the log a digest signed (inclusion). The server
 * only serves hashes from its tree; the client checks them against the roots the digests signed,
 * so a rewritten log yields proofs that fail, whatever this server says. A tree that does not match
 * the log, or has not caught up, is a 503 (LogTreeMismatchError, LogTreeBehindError: DomainErrors).
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerProofsController {
  constructor(
    private readonly digester: LogHeadDigester,
    @Inject(LOG_TREE) private readonly tree: LogTree,
    @Inject(LogTreeFollower) private readonly follower: LogTreeFollower,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('digests/:digestId/consistency')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'proveDigestConsistency',
    summary: 'RFC 9162 consistency proof that the log at this digest extends the log at an older one (`from`)',
  })
  @ApiParam({
    name: 'digestId',
    description: 'A digest id: head-<position>',
    schema: { type: 'string', pattern: '^head-[0-9]+$' },
  })
  @ApiQuery({ name: 'from', required: true, description: 'The older digest id (head-<position>)' })
  @RecordRead(ConsistencyProofSchema, 'The two tree heads and the RFC 9162 consistency proof', {
    problems: {
      404: 'No digest has this id (or `from`)',
      422: '`digest-order` (from is newer) or `digest-without-tree` (signed before the log tree)',
      503: 'The log tree does not match the log or has not caught up; or a store is unavailable',
    },
  })
  async consistency(
    @Param('digestId') digestId: string,
    @Query('from') fromId?: string,
  ): Promise<ConsistencyProofSchema> {
    if (!fromId) throw new BadRequestException(problem(400, 'missing-from', 'Name the older digest: ?from=<digestId>'));
    const [to, from] = [await this.treeDigest(digestId), await this.treeDigest(fromId)];
    if (from.treeSize > to.treeSize) {
      throw new RuleViolation(
        'digest-order',
        `Digest ${fromId} (${from.treeSize} events) is newer than ${digestId} (${to.treeSize}); ask the other way round`,
        { from: fromId, to: digestId },
      );
    }
    await this.tree.head(to.position);
    const proof = await this.tree.consistencyProof(from.treeSize, to.treeSize);
    return { from: head(from), to: head(to), proof };
  }

  @Get('events/:position/inclusion')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'proveEventInclusion',
    summary: 'RFC 9162 inclusion proof of the event at a log position in the log a digest signed',
  })
  @ApiParam({
    name: 'position',
    description: 'A log position (opaque)',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  })
  @ApiQuery({ name: 'digest', required: true, description: 'The digest id (head-<position>) to prove against' })
  @RecordRead(InclusionProofSchema, 'The RFC 9162 inclusion proof of the event in the tree the digest signed', {
    problems: {
      404: 'No such digest, or no event at this position',
      422: '`event-after-digest` or `digest-without-tree`',
      503: 'The log tree does not match the log or has not caught up; or a store is unavailable',
    },
  })
  async inclusion(
    @Param('position') rawPosition: string,
    @Query('digest') digestId?: string,
  ): Promise<InclusionProofSchema> {
    const position = Number(rawPosition);
    if (!/^\d+$/.test(rawPosition) || !Number.isSafeInteger(position))
      throw new BadRequestException(
        problem(400, 'invalid-position', 'A log position is a whole number from 0', { detail: `got ${rawPosition}` }),
      );
    if (!digestId)
      throw new BadRequestException(
        problem(400, 'missing-digest', 'Name the digest to prove against: ?digest=<digestId>'),
      );
    const digest = await this.treeDigest(digestId);
    // Positions are compared, never computed: one after the digest's cannot be in it, whether or not it names an event.
    const after = () =>
      new RuleViolation(
        'event-after-digest',
        `Position ${position} comes after digest ${digestId} (position ${digest.position})`,
        { digestId },
      );
    if (position > digest.position) throw after();
    await this.tree.head(digest.position); // from here the tree covers `position`: not found means no such event
    const leafIndex = await this.tree.leafIndexOf(position);
    if (leafIndex >= digest.treeSize) throw after();
    const event = await this.eventAt(position);
    const proof = await this.tree.inclusionProof(leafIndex, digest.treeSize);
    return {
      leafIndex,
      treeSize: digest.treeSize,
      treeRoot: digest.treeRoot,
      proof,
      event: { streamId: event.streamId, revision: event.revision, hash: event.integrity.hash },
    };
  }

  /** A recorded digest that commits to the tree: 404 when none has the id, 422 when it predates the tree. */
  private async treeDigest(digestId: string): Promise<TreeDigest> {
    const found = await this.digester.find(digestId);
    if (!found) throw new NotFound('Digest', digestId);
    const d = found.digest;
    if (d.treeSize === undefined || d.treeRoot === undefined) {
      throw new RuleViolation(
        'digest-without-tree',
        `Digest ${digestId} was signed before the log tree existed: it commits to a log hash only`,
        { digestId },
      );
    }
    return d as TreeDigest;
  }

  /** The event as the log holds it now, read after the position of the leaf before it (positions are never computed). */
  private async eventAt(position: number) {
    const before = this.follower.positionBefore(position);
    const [event] = await this.store.readAll({ after: before ?? undefined, maxCount: 1 });
    if (!event || event.position !== position) throw new NotFound('Log position', String(position));
    return event;
  }
}

const head = (d: TreeDigest) => ({ digestId: d.digestId, treeSize: d.treeSize, treeRoot: d.treeRoot });
