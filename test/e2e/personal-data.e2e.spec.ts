import { Logger } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenClaims } from '../../src/auth/mint-token';
import { openZip, readEntryText, verifyPack } from '../../src/evidence';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { RETENTION_ACTOR, RetentionScheduler } from '../../src/privacy/services';
import {
  eventCount,
  expectFieldsRefused,
  expectProblem,
  expectStaleIfMatchRefused,
  send,
  sendOk,
} from '../support/http';
import { ESCALATION_PARTNERS, escalationNamingChild, ONE_STAGE_PROTOCOL } from '../support/escalation-partners';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildToFile, request } from '../evidence/support/pack-files';

/**
 * Personal data in the ledger, end to end: a named child is sealed before append, read back in
 * plaintext only through the escalation trail, and after erasure no response, stream read, pack or
 * log line holds it, while the hash chain and the pack still verify. (test-app also fails any suite
 * whose logs hold a sealed plaintext.)
 */
const CHILD = 'Jamie Zebedee-Example';
const DOB = '2015-03-04';
const NOTE = 'Jamie missed the Tuesday appointment again';
const FIXED = 'Jamie Zebedee-Exemplar';
const E = '/escalations/wsep-2022-001';

describe('personal data: sealing, reading, erasure, rectification, retention (e2e)', () => {
  let t: TestApp;
  const start = async (env: Record<string, string> = {}) => {
    t = await startTestApp({ DIGEST_INTERVAL_MINUTES: '0', ...env });
  };
  afterEach(async () => {
    await t.close();
  });

  const as = (claims: Partial<TokenClaims>) => () => t.token(claims);
  const admin = as({ userId: 'admin-1', role: 'admin' });
  const manager = as({});
  const dpo = as({ userId: 'dpo-1', role: 'data-protection-officer' });
  const icbRep = as({ userId: 'icb-rep', role: 'partner-representative', agency: 'cw-icb' });
  const ok = async (url: string, body: unknown, token: () => Promise<string>) => sendOk(t, url, body, await token());
  const raised = async () => {
    for (const partner of ESCALATION_PARTNERS) await ok('/partners', partner, admin);
    await ok('/escalation-protocols', ONE_STAGE_PROTOCOL, admin);
    await ok('/escalations', escalationNamingChild({ name: CHILD, dateOfBirth: DOB }), manager);
    await ok(`${E}/acknowledge`, { personalNote: { subjectId: 'child-1', text: NOTE } }, icbRep);
  };
  const trail = async () => {
    await t.app.get(ProjectionRunner).waitFor((await t.store.readAll()).at(-1)!.position);
    const res = await send(t, `/escalation-trail/wsep-2022-001?asOf=2022-11-21`, undefined, { method: 'GET' });
    expect(res.status).toBe(200);
    return res.body;
  };
  const streamText = async () =>
    JSON.stringify((await send(t, '/ledger/streams/escalation-wsep-2022-001', undefined, { method: 'GET' })).body);

  describe('endpoints', () => {
    beforeEach(() => start());
    interface Case {
      name: string;
      url: string;
      body: Record<string, unknown>;
      token: () => Promise<string>;
      event: string;
      invalid: { body: Record<string, unknown>; fields: string[] };
      refused: { body: Record<string, unknown>; status: number; code: string; setup?: () => Promise<void> };
    }
    const cases: Case[] = [
      {
        name: 'rectify',
        url: `${E}/data-subjects/child-1/rectification`,
        body: { name: FIXED, reason: 'Spelling corrected' },
        token: manager,
        event: 'escalation-data-subject-rectified',
        invalid: {
          body: { name: '', dateOfBirth: '4 March 2015', extra: 1 },
          fields: ['dateOfBirth', 'extra', 'name', 'reason'],
        },
        refused: { body: { reason: 'Nothing given' }, status: 422, code: 'nothing-to-rectify' },
      },
      {
        name: 'erase',
        url: '/data-subjects/child-1/erasure',
        body: { reason: 'Erasure request DPR-2023-014 upheld' },
        token: dpo,
        event: 'data-subject-erased',
        invalid: { body: { reason: '', keyVersion: 0 }, fields: ['keyVersion', 'reason'] },
        refused: { body: { reason: 'Wrong version', keyVersion: 7 }, status: 422, code: 'key-version-unknown' },
      },
    ];

    describe.each(cases)('$name', (c) => {
      beforeEach(raised);
      it('records the event', async () => {
        const res = await send(t, c.url, c.body, { token: await c.token() });
        expect({ status: res.status, events: res.body.events }).toEqual({ status: 200, events: [c.event] });
      });
      it('names each bad field and writes nothing', async () => {
        const before = await eventCount(t);
        const res = await send(t, c.url, c.invalid.body, { token: await c.token() });
        expectFieldsRefused(res, c.invalid.fields);
        expect(await eventCount(t)).toBe(before);
      });
      it('refuses by rule with a stable code and writes nothing', async () => {
        const before = await eventCount(t);
        expectProblem(
          await send(t, c.url, c.refused.body, { token: await c.token() }),
          c.refused.status,
          c.refused.code,
        );
        expect(await eventCount(t)).toBe(before);
      });
      it('refuses a stale If-Match with 412 and writes (and destroys) nothing', async () => {
        await expectStaleIfMatchRefused(t, c.url, c.body, await c.token());
        expect((await trail()).dataSubjects[0].name).toBe(CHILD);
      });
      it('answers an idempotent retry with the same result and writes once', async () => {
        const before = await eventCount(t);
        const first = await send(t, c.url, c.body, { token: await c.token(), idempotencyKey: `retry-${c.name}` });
        const retry = await send(t, c.url, c.body, { token: await c.token(), idempotencyKey: `retry-${c.name}` });
        expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
        expect(await eventCount(t)).toBe(before + 1);
      });
    });

    it('validates named people on a raise and refuses a note about someone not named', async () => {
      await raised();
      const before = await eventCount(t);
      const res = await send(t, '/escalations', {
        escalationId: 'wsep-2022-002',
        protocolId: 'ws-escalation-protocol',
        raisedByAgency: 'warwickshire-cc',
        concerningAgency: 'cw-icb',
        subject: 'x',
        dataSubjects: [{ subjectId: 'Child One', relation: 'cousin', name: '', dateOfBirth: 'yesterday' }],
      });
      expectFieldsRefused(res, [
        'dataSubjects.0.dateOfBirth',
        'dataSubjects.0.name',
        'dataSubjects.0.relation',
        'dataSubjects.0.subjectId',
      ]);
      expectProblem(
        await send(
          t,
          `${E}/responses`,
          { respondingAgency: 'cw-icb', response: 'Booked', personalNote: { subjectId: 'stranger-1', text: NOTE } },
          { token: await icbRep() },
        ),
        422,
        'data-subject-not-named',
      );
      expect(await eventCount(t)).toBe(before);
    });

    it('never echoes a refused personal value in the problem or the logs', async () => {
      await raised();
      const tooLong = `Zanzibar-Quillfeather ${'x'.repeat(200)}`;
      const res = await send(t, '/escalations', {
        escalationId: 'wsep-2022-003',
        protocolId: 'ws-escalation-protocol',
        raisedByAgency: 'warwickshire-cc',
        concerningAgency: 'cw-icb',
        subject: 'x',
        dataSubjects: [{ subjectId: 'child-3', relation: 'child', name: tooLong, dateOfBirth: '1999-02-31' }],
      });
      expectProblem(res, 400, 'validation-failed');
      expect(JSON.stringify(res.body)).not.toMatch(/Zanzibar|1999-02-31/);
      expect(t.logs!.join('\n')).not.toMatch(/Zanzibar|1999-02-31/);
    });

    it('refuses an erasure of a subject already erased (409) and of one never named (422)', async () => {
      await raised();
      await ok('/data-subjects/child-1/erasure', { reason: 'Request upheld' }, dpo);
      expectProblem(
        await send(t, '/data-subjects/child-1/erasure', { reason: 'Again' }, { token: await dpo() }),
        409,
        'already-erased',
      );
      expectProblem(
        await send(t, '/data-subjects/nobody-1/erasure', { reason: 'Unknown' }, { token: await dpo() }),
        422,
        'no-personal-data',
      );
    });
  });

  it('seals a named child, shows it to readers, and after erasure no response, stream, pack or log holds it; the chain and the pack verify', async () => {
    await start();
    await raised();
    expect(await streamText()).not.toContain('Zebedee');
    expect(await streamText()).toContain('"alg":"A256GCM"');
    const before = await trail();
    expect(before.dataSubjects).toEqual([{ subjectId: 'child-1', relation: 'child', name: CHILD, dateOfBirth: DOB }]);
    expect(before.timeline[1].personalNote).toEqual({ subjectId: 'child-1', text: NOTE });

    const erased = await ok('/data-subjects/child-1/erasure', { reason: 'Erasure request DPR-2023-014 upheld' }, dpo);
    expect(erased.body.events).toEqual(['data-subject-erased']);
    const after = await trail();
    expect(after.dataSubjects[0]).toMatchObject({ subjectId: 'child-1', name: '[erased]', dateOfBirth: '[erased]' });
    expect(after.timeline[1].personalNote.text).toBe('[erased]');
    const everything = JSON.stringify([
      after,
      (await send(t, '/escalation-trail?asOf=2022-11-21', undefined, { method: 'GET' })).body,
      await streamText(),
      (await send(t, '/ledger/streams/datasubject-child-1', undefined, { method: 'GET' })).body,
    ]);
    for (const plain of [CHILD, DOB, NOTE]) expect(everything).not.toContain(plain);
    expect(await verifyStore(t.store)).toMatchObject({ ok: true });

    const zipPath = join(t.config.dataDir, 'pack.zip');
    const requestedBy = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
    await buildToFile(t.store, request({ records: ['escalations'] }, { packId: 'p1', requestedBy }), zipPath);
    expect(await verifyPack(zipPath)).toMatchObject({ ok: true, problems: [] });
    const { zip, entries } = await openZip(zipPath);
    for (const entry of entries.values()) {
      const text = (await readEntryText(zip, entry, 64 * 2 ** 20)).toString('utf8');
      for (const plain of [CHILD, DOB, NOTE]) expect(text).not.toContain(plain);
      if (entry.fileName === 'escalations.csv') expect(text).toContain('child-1 child [personal data withheld]');
      if (entry.fileName === 'events.ndjson') expect(text).toContain('"alg":"A256GCM"');
    }
    zip.close();
    expect(t.logs!.length).toBeGreaterThan(0);
    expect(t.logs!.join('\n')).not.toContain('Zebedee');
  });

  it('rectification shows the corrected value; erasing the old key version leaves the correction readable', async () => {
    await start();
    await raised();
    await ok(
      `${E}/data-subjects/child-1/rectification`,
      { name: FIXED, reason: "Spelling corrected at the family's request" },
      manager,
    );
    expect((await trail()).dataSubjects[0]).toMatchObject({
      name: FIXED,
      dateOfBirth: DOB,
      rectifiedAt: expect.any(String),
    });
    await ok('/data-subjects/child-1/erasure', { reason: 'Superseded by rectification', keyVersion: 1 }, dpo);
    const doc = await trail();
    expect(doc.dataSubjects[0]).toMatchObject({ name: FIXED, dateOfBirth: '[erased]' }); // the date was sealed under version 1 only
    expect(JSON.stringify(doc)).not.toContain(CHILD);
    expect(doc.timeline.at(-1)).toMatchObject({
      type: 'escalation-data-subject-rectified',
      subjectId: 'child-1',
      reason: expect.stringContaining('Spelling'),
    });
  });

  it('retention erases a subject only once every escalation naming them has been closed for the period, as a recorded system event', async () => {
    await start({ RETENTION_ESCALATIONS_DAYS: '30' });
    await raised();
    const job = t.app.get(RetentionScheduler);
    expect(await job.tick()).toBe(0); // still open
    expect(job.health()).toEqual({ status: 'up', lastRound: { ok: true, at: t.clock.now().toISOString() } }); // what /health shows
    await ok(`${E}/resolve`, { outcome: 'agreed', summary: 'Assessment date agreed' }, manager);
    await ok(`${E}/close`, {}, manager);
    t.clock.advance(29 * 24 * 3600_000);
    expect(await job.tick()).toBe(0); // closed, but not yet for 30 days
    t.clock.advance(2 * 24 * 3600_000);
    expect(await job.tick()).toBe(1);
    expect(await job.tick()).toBe(0); // nothing left to erase
    const [event] = await t.store.readStream('datasubject-child-1');
    expect(event).toMatchObject({
      type: 'data-subject-erased',
      data: { subjectId: 'child-1', keyVersions: [1], basis: 'retention' },
      metadata: { actor: RETENTION_ACTOR },
    });
    expect((await trail()).dataSubjects[0].name).toBe('[erased]');
  });

  it('fails the suite on close when a sealed plaintext reaches the logs (the check cannot pass vacuously)', async () => {
    await start();
    await raised();
    new Logger('careless').warn(`looked up ${CHILD}`);
    await expect(t.close()).rejects.toThrow(/Personal values in the logs: 1 sealed plaintext/);
    await start(); // afterEach closes this one
  });

  it('on SQLite, the ledger and read-model files hold no plaintext, and without the key store nothing personal can be read', async () => {
    await start({ LEDGER_STORE: 'sqlite' });
    await raised();
    await trail();
    const files = readdirSync(t.config.dataDir).filter((f) => /^(ledger|read-models)\.sqlite/.test(f));
    expect(files).toEqual(expect.arrayContaining(['ledger.sqlite', 'read-models.sqlite']));
    for (const f of files) {
      const bytes = readFileSync(join(t.config.dataDir, f));
      for (const plain of [CHILD, DOB, NOTE]) expect(bytes.includes(Buffer.from(plain))).toBe(false);
    }
    expect(readdirSync(t.config.dataDir)).toContain('keys.sqlite');
    // The ledger alone, with an empty key store under the same master key: every personal value reads as erased.
    const { PersonalDataCipher } = await import('../../src/privacy');
    const { SubjectKeyStore } = await import('../../src/privacy/services');
    const { loadMasterKey } = await import('../../src/privacy/master-key');
    const empty = new SubjectKeyStore(':memory:', loadMasterKey(t.config));
    const revealed = JSON.stringify(
      await new PersonalDataCipher(empty).reveal((await t.store.readAll()).map((e) => e.data)),
    );
    await empty.close();
    expect(revealed).toContain('[erased]');
    for (const plain of [CHILD, DOB, NOTE]) expect(revealed).not.toContain(plain);
  });
});
