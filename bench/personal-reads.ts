/**
 * The personal-field read measure of bench:projections (issue 7), kept in its own file so the
 * projections bench stays readable; run alone with PERSONAL_READS_ONLY=1 npm run bench:projections.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { escalationKey } from '../projections/escalations/escalation-trail-doc';
import { escalationTrailProjection } from '../projections/escalations/escalation-trail.projection';
import { Escalation, type EscalationEvent } from '../src/escalations';
import { PersonalDataCipher } from '../src/privacy';
import { SubjectKeyStore } from '../src/privacy/services';
import { EscalationTrailReader } from '../src/read-models/escalations/escalation-trail.reader';
import { ReadModelStore } from '../src/read-models/read-model-store';
import { median } from './support/stats';

const PERSONAL_DOCS = Number(process.env.PERSONAL_DOCS ?? 2000);
const PARTNERS = ['warwickshire-cc', 'warwickshire-police', 'cw-icb'];
const actor = (i: number) => ({
  userId: `person-${i % 40}`,
  role: 'business-manager',
  agency: PARTNERS[i % PARTNERS.length],
});
type Typed = EscalationEvent;

/**
 * Personal fields: the escalation trail read as the endpoint reads it (reader.get at asOf, then the
 * cipher's reveal), over the same documents twice: names, dates of birth and notes as plain strings,
 * and sealed per data subject (AES-256-GCM, keys wrapped in a key store). Reveal runs on both sides,
 * as the controller runs it on every response; the difference is the decryption and key lookups.
 * Round 1 unwraps every key (cold); later rounds hit the bounded key cache (the steady state).
 */
export async function personalReads(
  docs = PERSONAL_DOCS,
  rounds = 7,
): Promise<{ plainUs: number; sealedUs: number; coldUs: number; revealUs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'personal-bench-'));
  const keys = new SubjectKeyStore(':memory:', randomBytes(32));
  const cipher = new PersonalDataCipher(keys);
  const sides = {
    plain: new ReadModelStore(join(dir, 'plain.sqlite')),
    sealed: new ReadModelStore(join(dir, 'sealed.sqlite')),
  };
  try {
    const fields = (type: string) => Escalation.codec.personalOf(type as EscalationEvent['type']);
    for (const [side, store] of Object.entries(sides)) {
      const batch = new Map<string, unknown>();
      for (let i = 0; i < docs; i++) {
        const escalationId = `esc-${i}`;
        const subjects = [`esc-${i}-child-1`, `esc-${i}-parent-1`];
        const events: Typed[] = [
          {
            type: 'escalation-raised',
            data: {
              escalationId,
              protocolId: 'ws-escalation-protocol',
              protocolVersion: 1,
              stages: [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }],
              raisedByAgency: PARTNERS[0],
              concerningAgency: PARTNERS[2],
              subject: 'Delay in a health assessment',
              stage: 1,
              stageName: 'Practitioner to practitioner',
              timescaleWorkingDays: 2,
              dataSubjects: [
                { subjectId: subjects[0], relation: 'child', name: `Child ${i} Example`, dateOfBirth: '2015-03-04' },
                { subjectId: subjects[1], relation: 'parent', name: `Parent ${i} Example` },
              ],
            },
          },
          {
            type: 'escalation-acknowledged',
            data: {
              escalationId,
              agency: PARTNERS[2],
              stage: 1,
              personalNote: { subjectId: subjects[0], text: `Child ${i} missed two appointments` },
            },
          },
        ];
        const data = await Promise.all(
          events.map((e) =>
            side === 'sealed' ? cipher.sealEvent(e.type, e.data, fields(e.type)) : Promise.resolve(e.data),
          ),
        );
        const doc = events.reduce(
          (d, e, n) =>
            escalationTrailProjection.evolve(d, {
              id: `${i}-${n}`,
              streamId: `escalation-${escalationId}`,
              revision: n,
              position: 2 * i + n,
              type: e.type,
              schemaVersion: 1,
              data: data[n],
              metadata: {
                actor: actor(i),
                correlationId: 'c',
                causationId: 'c',
                occurredAt: '2022-06-01T09:00:00.000Z',
                recordedAt: '2022-06-01T09:00:00.000Z',
              },
              integrity: { prevHash: '', hash: '' },
            }),
          escalationTrailProjection.initialState(escalationKey(escalationId)),
        );
        batch.set(escalationKey(escalationId), doc);
      }
      // Two events per document (raised, acknowledged).
      store.commit(
        escalationTrailProjection.name,
        escalationTrailProjection.version,
        undefined,
        2 * docs,
        batch,
        2 * docs,
      );
    }
    const fresh = new PersonalDataCipher(keys); // nothing cached: round 1 of the sealed side unwraps every key
    const time = async (store: ReadModelStore, c: PersonalDataCipher) => {
      const reader = new EscalationTrailReader(store);
      const t0 = performance.now();
      for (let i = 0; i < docs; i++) await c.reveal(reader.get(`esc-${i}`, '2022-12-31'));
      return ((performance.now() - t0) * 1000) / docs;
    };
    const coldUs = await time(sides.sealed, fresh);
    // Plain and sealed alternate document by document, so a shared machine's load falls on both sides alike.
    const readers = { plain: new EscalationTrailReader(sides.plain), sealed: new EscalationTrailReader(sides.sealed) };
    const plain: number[] = [];
    const sealed: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let p = 0;
      let s = 0;
      for (let i = 0; i < docs; i++) {
        const t0 = performance.now();
        await fresh.reveal(readers.plain.get(`esc-${i}`, '2022-12-31'));
        const t1 = performance.now();
        await fresh.reveal(readers.sealed.get(`esc-${i}`, '2022-12-31'));
        p += t1 - t0;
        s += performance.now() - t1;
      }
      plain.push((p * 1000) / docs);
      sealed.push((s * 1000) / docs);
    }
    // The decryption alone: reveal over views already read (three sealed values per document).
    const views = Array.from({ length: docs }, (_, i) =>
      new EscalationTrailReader(sides.sealed).get(`esc-${i}`, '2022-12-31'),
    );
    const t0 = performance.now();
    for (const v of views) await fresh.reveal(v);
    const revealUs = ((performance.now() - t0) * 1000) / docs;
    return { plainUs: median(plain), sealedUs: median(sealed), coldUs, revealUs };
  } finally {
    sides.plain.close();
    sides.sealed.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function personalReadLines(r: {
  plainUs: number;
  sealedUs: number;
  coldUs: number;
  revealUs: number;
}): string[] {
  const extra = (us: number) => `${(100 * (us / r.plainUs - 1)).toFixed(0)}%`;
  return [
    `| escalation-trail read with personal fields, ${PERSONAL_DOCS} documents (get + reveal, alternating, median of 7 rounds) | plain ${r.plainUs.toFixed(1)} µs, sealed ${r.sealedUs.toFixed(1)} µs per document = ${extra(r.sealedUs)} more (goal <= 20%); cold key cache ${r.coldUs.toFixed(1)} µs (${extra(r.coldUs)}); reveal alone ${r.revealUs.toFixed(1)} µs per document (3 sealed values) |`,
  ];
}
