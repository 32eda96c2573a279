import type { PartnerKind } from '../../src/partners';
import type { PartnerDoc } from './partner-doc';

/** What a reader can ask the partner register for; every filter given must match (AND). */
export interface PartnersQuery {
  kind?: PartnerKind;
  statutory?: boolean;
  status?: PartnerDoc['status'];
  /** Part of any name the partner has borne, current or former (case-insensitive). */
  name?: string;
}

const norm = (s: string) => s.trim().toLowerCase();

export function matchesPartner(doc: PartnerDoc, q: PartnersQuery): boolean {
  if (!doc.exists) return false;
  if (q.kind !== undefined && doc.kind !== q.kind) return false;
  if (q.statutory !== undefined && doc.statutory !== q.statutory) return false;
  if (q.status !== undefined && doc.status !== q.status) return false;
  if (q.name !== undefined && !doc.names.some((n) => norm(n.name).includes(norm(q.name!)))) return false;
  return true;
}
