import type { DemoData } from '../data';

/**
 * The business date to register a partner, person or board: the first meeting in the data set
 * that mentions it (records, attendance, owners, or a succession announced there), else the
 * earliest meeting of the set. Registering "as at first appearance" keeps time in order:
 * nobody is registered after the minutes that name them.
 */
export function firstSeen(data: DemoData): (id: string) => string {
  const dated: Array<{ date: string; text: string }> = data.meetings.map((m) => ({
    date: m.date,
    text: JSON.stringify(m),
  }));
  const dateOf = new Map(data.meetings.map((m) => [m.id, m.date]));
  for (const r of data.referencedMeetings) {
    const mentioned = r.mentionedInMeetingIds
      .map((id) => dateOf.get(id))
      .filter((d): d is string => !!d)
      .sort()[0];
    if (mentioned) dated.push({ date: mentioned, text: JSON.stringify(r) });
  }
  for (const s of data.partnerSuccessions) {
    const date = s.sourceMeetingId ? dateOf.get(s.sourceMeetingId) : undefined;
    if (date) dated.push({ date, text: JSON.stringify([s.fromPartnerId, s.toPartnerId]) });
  }
  dated.sort((a, b) => a.date.localeCompare(b.date));
  const earliest = dated[0].date;
  return (id) => dated.find((d) => d.text.includes(`"${id}"`))?.date ?? earliest;
}
