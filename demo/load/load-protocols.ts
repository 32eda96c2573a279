import type { DemoData } from '../data';
import { admin } from './actors';
import type { DemoClient } from './demo-client';
import { at } from './mappings';

/**
 * Escalation protocols, dated to the meeting whose decision adopted them. The stages are an
 * assumption in the data; the API has no flag for that, so each assumed stage says it by name.
 */
export async function loadProtocols(client: DemoClient, data: DemoData): Promise<void> {
  const dateOf = new Map(
    data.meetings.flatMap((m) => m.items.flatMap((i) => i.decisions.map((d) => [d.id, m.date] as const))),
  );
  for (const p of data.escalationProtocols) {
    const adopted = p.adoptedByDecisionIds
      .map((id) => dateOf.get(id))
      .filter((d): d is string => !!d)
      .sort()[0];
    const stages = p.stages
      .slice()
      .sort((a, b) => a.stage - b.stage)
      .map((s) => ({ name: s.assumed ? `${s.name} (assumed)` : s.name, timescaleWorkingDays: s.timescaleWorkingDays }));
    const body = { protocolId: p.id, name: p.title, stages, ...(adopted ? { occurredAt: at(adopted) } : {}) };
    await client.post(admin, '/escalation-protocols', body, `demo:protocol:${p.id}:define`);
  }
}
