import type { IncomingMessage } from 'node:http';
import type { TokenClaims } from '../../src/auth/mint-token';
import { send } from '../support/http';
import { messages, openStream } from '../support/sse';
import { startLoadedTrailApp, type TrailApp } from './support/escalation-trail-app';

/**
 * Personal values on the escalation trail go only to those who need them: the two parties
 * (representatives and members of the raising and the concerned agency), the chair, the business
 * manager and the data protection officer. Everyone else who may read the trail gets the withheld
 * marker, in lists, one-record documents and the live stream alike; and a live stream that showed a
 * name is sent the document again when the person is erased or their name rectified.
 */
const CHILD = 'Robin Zebedee-Example';
const DOB = '2016-07-08';
const FIXED = 'Robin Zebedee-Exemplar';
const WITHHELD = '[personal data withheld]';
const ID = 'wsep-2022-003';

const party: Partial<TokenClaims> = { userId: 'icb-rep', role: 'partner-representative', agency: 'cw-icb' };
const partyMember: Partial<TokenClaims> = { userId: 'wcc-member', role: 'member', agency: 'warwickshire-cc' };
const outsiders: [string, Partial<TokenClaims>][] = [
  ['a member of an uninvolved agency', { userId: 'police-member', role: 'member', agency: 'warwickshire-police' }],
  [
    'a representative of an uninvolved agency',
    { userId: 'police-rep', role: 'partner-representative', agency: 'warwickshire-police' },
  ],
  ['an auditor', { userId: 'audit-1', role: 'auditor' }],
];

interface Followed {
  res: IncomingMessage;
  /** Everything the stream has sent so far, once `done` holds of it (or after a generous bound, so a miss fails). */
  until(done: (text: string) => boolean): Promise<string>;
}

/** Keeps all a stream sends, so a test can wait for one change after another on the same connection. */
function following(res: IncomingMessage): Followed {
  let text = '';
  const waiters = new Set<() => void>();
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
    waiters.forEach((w) => w());
  });
  return {
    res,
    until: (done) =>
      new Promise((resolve) => {
        const check = () => {
          if (!done(text)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(text);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(text);
        }, 60_000); // a hang guard: a missing document fails the test instead of hanging it
        waiters.add(check);
        check();
      }),
  };
}

describe('escalation trail: personal values only to those who need them, and re-sent on erasure and rectification', () => {
  let s: TrailApp;
  beforeAll(async () => {
    s = await startLoadedTrailApp();
  });
  afterAll(() => s.close());

  const settled = async () => s.runner.waitFor((await s.store.readAll()).at(-1)!.position);
  const follow = async (claims: Partial<TokenClaims>) =>
    following(await openStream(s.app, '/escalation-trail/stream', await s.token(claims)));
  /** The stream's documents of escalation ID, once it has sent `count` of them. */
  const docsOf = async (f: Followed, count: number) => {
    const text = await f.until((x) => x.split(`"escalationId":"${ID}"`).length > count);
    return {
      text,
      docs: messages(text)
        .filter((m) => m.event === 'escalation')
        .map((m) => JSON.parse(m.data!) as { escalationId: string; dataSubjects: Record<string, string>[] })
        .filter((d) => d.escalationId === ID),
    };
  };
  const get = async (url: string, claims: Partial<TokenClaims>) => {
    const res = await send(s, url, undefined, { method: 'GET', token: await s.token(claims) });
    expect(res.status).toBe(200);
    return JSON.stringify(res.body);
  };

  it('given streams followed by outsiders and parties, when a child is named, renamed and erased, then only the parties ever see the name and each sees every change', async () => {
    // Given: streams open before the child is named.
    const streams = await Promise.all([...outsiders.map(([, c]) => c), party, partyMember, {}].map(follow));
    const raised = await send(s, '/escalations', {
      escalationId: ID,
      protocolId: 'ws-escalation-protocol',
      raisedByAgency: 'warwickshire-cc',
      concerningAgency: 'cw-icb',
      subject: 'Missed strategy meeting',
      dataSubjects: [{ subjectId: 'child-9', relation: 'child', name: CHILD, dateOfBirth: DOB }],
      occurredAt: '2022-10-03T09:00:00Z',
    });
    expect(raised.status).toBe(201);
    await settled();
    const first = await Promise.all(streams.map((r) => docsOf(r, 1)));
    // Then: outsiders get the marker, the parties and the business manager the values.
    for (const { text, docs } of first.slice(0, outsiders.length)) {
      expect(docs[0].dataSubjects[0]).toMatchObject({ subjectId: 'child-9', name: WITHHELD, dateOfBirth: WITHHELD });
      expect(text).not.toContain(CHILD);
      expect(text).not.toContain(DOB);
    }
    for (const { docs } of first.slice(outsiders.length))
      expect(docs[0].dataSubjects[0]).toMatchObject({ name: CHILD, dateOfBirth: DOB });

    // When the name is rectified, then the parties are sent the new one, outsiders the marker again.
    const fixed = await send(s, `/escalations/${ID}/data-subjects/child-9/rectification`, {
      name: FIXED,
      reason: 'Spelling corrected',
    });
    expect(fixed.status).toBe(200);
    const second = await Promise.all(streams.map((r) => docsOf(r, 2)));
    for (const { text, docs } of second.slice(0, outsiders.length)) {
      expect(docs[1].dataSubjects[0]).toMatchObject({ name: WITHHELD });
      expect(text).not.toContain('Zebedee');
    }
    for (const { docs } of second.slice(outsiders.length))
      expect(docs[1].dataSubjects[0]).toMatchObject({ name: FIXED, dateOfBirth: DOB });

    // When the child is erased, then every stream is sent the document again, erased for those who had it.
    const erased = await send(
      s,
      '/data-subjects/child-9/erasure',
      { reason: 'Erasure request DPR-2023-099 upheld' },
      { token: await s.token({ userId: 'dpo-1', role: 'data-protection-officer' }) },
    );
    expect(erased.status).toBe(200);
    const third = await Promise.all(streams.map((r) => docsOf(r, 3)));
    streams.forEach((f) => f.res.destroy());
    for (const { text, docs } of third.slice(0, outsiders.length)) {
      expect(docs[2].dataSubjects[0]).toMatchObject({ name: WITHHELD, dateOfBirth: WITHHELD });
      expect(text).not.toContain('Zebedee');
      expect(text).not.toContain(DOB);
    }
    for (const { docs } of third.slice(outsiders.length))
      expect(docs[2].dataSubjects[0]).toMatchObject({ name: '[erased]', dateOfBirth: '[erased]' });
  });

  describe('reads', () => {
    let head = 0;
    beforeAll(async () => {
      const raised = await send(s, '/escalations', {
        escalationId: 'wsep-2022-004',
        protocolId: 'ws-escalation-protocol',
        raisedByAgency: 'warwickshire-cc',
        concerningAgency: 'cw-icb',
        subject: 'Strategy meeting minutes not shared',
        dataSubjects: [{ subjectId: 'child-10', relation: 'child', name: 'Sam Quillby-Example', dateOfBirth: DOB }],
        occurredAt: '2022-10-04T09:00:00Z',
      });
      expect(raised.status).toBe(201);
      await settled();
      head = (await s.store.readAll()).at(-1)!.position;
    });

    it.each(outsiders)(
      'given %s, then the list, the document and their as-of forms withhold every personal value; a party reads them',
      async (_, who) => {
        const urls = [
          '/escalation-trail?asOf=2022-11-21',
          '/escalation-trail/wsep-2022-004?asOf=2022-11-21',
          `/as-of/escalation-trail?asOf=${head}`,
          `/as-of/escalation-trail/wsep-2022-004?asOf=${head}`,
        ];
        for (const url of urls) {
          const outsider = await get(url, who);
          expect(outsider).toContain(WITHHELD);
          expect(outsider).not.toContain('Quillby');
          expect(outsider).not.toContain(DOB);
          expect(await get(url, party)).toContain('Sam Quillby-Example');
        }
      },
    );
  });
});
