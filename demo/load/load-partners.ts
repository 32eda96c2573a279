import type { DemoData, Person } from '../data';
import { warwickshirePeople } from '../data/people-warwickshire';
import { admin } from './actors';
import type { DemoClient } from './demo-client';
import { firstSeen } from './first-seen';
import { at, STATUTORY_KINDS } from './mappings';

/** The partnership business team that stands in for a person's agency when the sources give none. */
const warwickshireIds = new Set(warwickshirePeople.map((p) => p.id));
const teamOf = (p: Person) =>
  warwickshireIds.has(p.id) ? 'warwickshire-safeguarding' : 'worcestershire-scb-business-unit';

/** Partners, the successions between them, people and boards: the admin's reference data. */
export async function loadPartners(client: DemoClient, data: DemoData): Promise<void> {
  const seen = firstSeen(data);
  for (const p of data.partners) {
    // A body of a statutory kind that is not a statutory partner (a district council, an NHS trust) says so.
    const statutory = STATUTORY_KINDS.includes(p.kind) ? { statutory: p.statutory } : {};
    const date = p.activeFrom && p.activeFrom < seen(p.id) ? p.activeFrom : seen(p.id);
    await client.post(
      admin,
      '/partners',
      { partnerId: p.id, name: p.name, kind: p.kind, ...statutory, occurredAt: at(date) },
      `demo:partner:${p.id}:register`,
    );
  }
  for (const s of data.partnerSuccessions.filter((x) => x.kind === 'replaced-by')) {
    const body = { successorId: s.toPartnerId, effectiveFrom: s.effectiveDate, occurredAt: at(seen(s.toPartnerId)) };
    await client.post(
      admin,
      `/partners/${s.fromPartnerId}/succession`,
      body,
      `demo:partner:${s.fromPartnerId}:succession:${s.id}`,
    );
  }
  for (const person of data.people) await loadPerson(client, data, person, seen(person.id));
  for (const b of data.boards) {
    // The data gives no kind: the executive board is one; the others are partnership-wide boards.
    const kind = b.id === 'wseb' ? 'executive-board' : 'partnership-board';
    await client.post(
      admin,
      '/boards',
      { boardId: b.id, name: b.name, kind, occurredAt: at(seen(b.id)) },
      `demo:board:${b.id}:register`,
    );
  }
}

/** Registered with the partner of their first meeting; updated when a later meeting shows another. */
async function loadPerson(client: DemoClient, data: DemoData, person: Person, firstDate: string): Promise<void> {
  const represented = data.meetings
    .flatMap((m) =>
      m.attendance
        .filter((a) => a.personId === person.id && a.representingPartnerId)
        .map((a) => ({ date: m.date, partnerId: a.representingPartnerId! })),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  const partnerId = represented[0]?.partnerId ?? person.partnerId ?? teamOf(person);
  const title = person.role?.slice(0, 200);
  await client.post(
    admin,
    '/people',
    { personId: person.id, name: person.fullName, partnerId, ...(title ? { title } : {}), occurredAt: at(firstDate) },
    `demo:person:${person.id}:register`,
  );
  let current = partnerId;
  for (const r of represented) {
    if (r.partnerId === current) continue;
    // A change that follows a succession takes effect on the succession date, not the meeting's.
    const succession = data.partnerSuccessions.find(
      (s) => s.fromPartnerId === current && s.toPartnerId === r.partnerId,
    );
    const effectiveFrom = succession?.effectiveDate ?? r.date;
    await client.post(
      admin,
      `/people/${person.id}/update`,
      { effectiveFrom, partnerId: r.partnerId, occurredAt: at(r.date) },
      `demo:person:${person.id}:partner:${r.partnerId}`,
    );
    current = r.partnerId;
  }
}
