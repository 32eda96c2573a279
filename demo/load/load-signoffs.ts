import type { DemoData } from '../data';
import { businessManagerFor, chairOf } from './actors';
import type { DemoClient } from './demo-client';
import { artefactHash, at } from './mappings';

/**
 * Sign-offs: the business manager requests each one at its meeting. The minutes record sign-off as
 * the board's collective decision ("All agreed to sign off", "The Executive Board agreed to sign
 * off"), never a named person signing for a partner: so the board's chair records each required
 * partner's agreement, naming no signatory, with the conditions where the minutes say "subject to
 * the changes agreed". A pending sign-off is requested and not signed.
 */
export async function loadSignoffs(client: DemoClient, data: DemoData): Promise<void> {
  for (const m of data.meetings) {
    const occurredAt = at(m.date);
    for (const so of m.items.flatMap((i) => i.signOffs)) {
      const artefact = {
        artefactId: so.id,
        kind: so.kind,
        title: so.artefactTitle,
        version: `as presented ${m.date}`,
        contentHash: artefactHash(so.id, so.artefactTitle, m.id),
      };
      const request = {
        signoffId: so.id,
        artefact,
        requiredPartnerIds: so.requiredPartnerIds,
        meetingId: m.id,
        ...(so.decisionId ? { decisionId: so.decisionId } : {}),
        occurredAt,
      };
      await client.post(businessManagerFor(m.boardId), '/signoffs', request, `demo:signoff:${so.id}:request`);
      const conditional = so.status === 'signed-off-subject-to-conditions' && so.conditions?.length;
      for (const partnerId of so.signedByPartnerIds) {
        const body = { partnerId, ...(conditional ? { conditions: so.conditions } : {}), occurredAt };
        await client.post(
          chairOf(m.boardId),
          `/signoffs/${so.id}/sign`,
          body,
          `demo:signoff:${so.id}:sign:${partnerId}`,
        );
      }
    }
  }
}
