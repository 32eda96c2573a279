import type { ProtocolDoc } from './protocol-doc';

/** What a reader can ask the protocols register for; every filter given must match (AND). */
export interface ProtocolsQuery {
  /** Protocols whose version in force has a stage of this name (case-insensitive). */
  stage?: string;
}

export function matchesProtocol(doc: ProtocolDoc, q: ProtocolsQuery): boolean {
  if (!doc.exists) return false;
  const stage = q.stage?.toLowerCase();
  if (stage !== undefined && !doc.stages.some((s) => s.name.toLowerCase() === stage)) return false;
  return true;
}
