import type { EventStore } from '../event-store.port';
import { consistencyPath, eventLeafHash, inclusionPath, rootOfLeafHashes, toHex } from '../integrity/merkle';
import { LogPositionNotFound } from './log-tree-errors';
import type { LogTree, LogTreeHead } from './log-tree.port';

/**
 * LOG_TREE computed on every call from RFC 9162's recursive definitions over the whole log read
 * back (O(n) per call): the executable specification of what the follower must answer, for tests
 * and offline tools over small ledgers. Never for the service: the follower keeps the tree instead.
 */
export class DefinitionLogTree implements LogTree {
  constructor(private readonly events: EventStore) {}

  async head(upTo?: number): Promise<LogTreeHead> {
    const log = await this.events.readAll();
    if (upTo !== undefined && !(log.length > 0 && log[log.length - 1].position >= upTo))
      throw new RangeError(`The log does not reach position ${upTo}`);
    return {
      size: log.length,
      rootHash: toHex(rootOfLeafHashes(log.map(eventLeafHash))),
      lastPosition: log.at(-1)?.position ?? null,
    };
  }

  async leafIndexOf(position: number): Promise<number> {
    const index = (await this.events.readAll()).findIndex((e) => e.position === position);
    if (index < 0) throw new LogPositionNotFound(position);
    return index;
  }

  async inclusionProof(leafIndex: number, treeSize: number): Promise<string[]> {
    return inclusionPath(leafIndex, await this.leaves(treeSize)).map(toHex);
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<string[]> {
    return consistencyPath(fromSize, await this.leaves(toSize)).map(toHex);
  }

  async rootAt(size: number): Promise<string> {
    return toHex(rootOfLeafHashes(await this.leaves(size)));
  }

  private async leaves(size: number) {
    const log = await this.events.readAll();
    if (size > log.length) throw new RangeError(`The log holds ${log.length} events, not ${size}`);
    return log.slice(0, size).map(eventLeafHash);
  }
}
