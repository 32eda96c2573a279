import { Escalation } from '../../escalations';
import type { StoredEvent } from '../../ledger/event-envelope';
import { decodeWith } from '../../ledger/event-registry';

const DAY_MS = 24 * 60 * 60_000;

interface Record {
  subjects: string[];
  closedAt?: string;
}

/** A subject whose every record is closed and past retention, with the records that name them. */
export interface DueSubject {
  subjectId: string;
  records: string[];
}

/**
 * Which data subjects' keys retention now destroys, from the escalation events: a subject is due
 * when EVERY escalation naming them was closed at least `days` days ago (business time of the
 * closure). One open escalation, or one closed too recently, keeps the key: the person's data is
 * still needed for it. days = 0 keeps everything.
 */
export function subjectsPastRetention(events: Iterable<StoredEvent>, days: number, now: Date): DueSubject[] {
  if (days <= 0) return [];
  const records = new Map<string, Record>();
  for (const stored of events) {
    const e = decodeWith(Escalation.codec, stored);
    const id = e.data.escalationId;
    if (!id) continue;
    if (e.type === 'escalation-raised') {
      records.set(id, { subjects: (e.data.dataSubjects ?? []).map((s) => s.subjectId) });
    } else if (e.type === 'escalation-closed') {
      const r = records.get(id);
      if (r) r.closedAt = e.metadata.occurredAt;
    }
  }
  const cutoff = now.getTime() - days * DAY_MS;
  const bySubject = new Map<string, { records: string[]; kept: boolean }>();
  for (const [id, r] of records) {
    const kept = !r.closedAt || Date.parse(r.closedAt) > cutoff;
    for (const s of r.subjects) {
      const entry = bySubject.get(s) ?? { records: [], kept: false };
      entry.records.push(id);
      entry.kept ||= kept;
      bySubject.set(s, entry);
    }
  }
  return [...bySubject].filter(([, v]) => !v.kept).map(([subjectId, v]) => ({ subjectId, records: v.records.sort() }));
}
