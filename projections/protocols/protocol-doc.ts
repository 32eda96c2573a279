import type { ProtocolStage } from '../../src/escalations';
import type { RecordHistoryEntry, Stamp } from '../partners/record-history';

/** One version of a protocol: its stages as defined or revised, and who did it when (and why, for a revision). */
export interface ProtocolVersionEntry {
  version: number;
  name: string;
  stages: ProtocolStage[];
  reason?: string;
  at: Stamp;
}

/** An escalation protocol and every version of it: escalations are measured against the version in force. */
export interface ProtocolDoc {
  protocolId: string;
  exists: boolean;
  name: string;
  /** The version in force now (the last of versions). */
  currentVersion: number;
  stages: ProtocolStage[];
  versions: ProtocolVersionEntry[];
  /** The revision of the record's own stream (-1 before its first event): the ETag its commands take as If-Match. */
  revision: number;
  defined?: Stamp;
  history: RecordHistoryEntry[];
}

export const PROTOCOL_KEY_PREFIX = 'protocol:';
export const protocolKey = (protocolId: string) => `${PROTOCOL_KEY_PREFIX}${protocolId}`;
