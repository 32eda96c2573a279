import { randomBytes } from 'node:crypto';
import { Escalation } from '../../src/escalations';
import { PersonalDataCipher } from '../../src/privacy';
import { SubjectKeyStore } from '../../src/privacy/services';
import { ManualClock } from '../../src/shared/clock';
import { CommandRunner } from '../../src/ledger/command-runner';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';

const ctx = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  correlationId: 'c',
};
const stages = [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }];
const raise = {
  type: 'raise-escalation' as const,
  data: {
    escalationId: 'wsep-2022-001',
    protocolId: 'p',
    raisedByAgency: 'warwickshire-cc',
    concerningAgency: 'cw-icb',
    subject: 'Delay',
    dataSubjects: [{ subjectId: 'child-1', relation: 'child' as const, name: 'Jamie Example' }],
    protocol: { defined: true, version: 1, stages },
    raisedByAgencyRegistered: true,
    concerningAgencyRegistered: true,
    raisedByPersonRegistered: true,
  },
};

describe('CommandRunner and personal data', () => {
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));

  it('given a cipher, when an event with declared personal fields is appended, then the log holds only the sealed value', async () => {
    const store = new MemoryEventStore(clock);
    const keys = new SubjectKeyStore(':memory:', randomBytes(32));
    const cipher = new PersonalDataCipher(keys);
    await new CommandRunner(store, clock, cipher).run(Escalation, 'wsep-2022-001', raise, ctx);
    const [event] = await store.readAll();
    expect(JSON.stringify(event)).not.toContain('Jamie');
    expect(await cipher.reveal(event.data)).toMatchObject({
      dataSubjects: [{ subjectId: 'child-1', name: 'Jamie Example' }],
    });
    await keys.close();
  });

  it('given no cipher, then an event carrying personal data is refused before anything is written', async () => {
    const store = new MemoryEventStore(clock);
    await expect(new CommandRunner(store, clock).run(Escalation, 'wsep-2022-001', raise, ctx)).rejects.toThrow(
      /carries personal data and no PersonalDataCipher/,
    );
    expect(await store.readAll()).toEqual([]);
  });

  it('given no cipher, then an escalation naming nobody is appended as before', async () => {
    const store = new MemoryEventStore(clock);
    const { dataSubjects: _none, ...data } = raise.data;
    await new CommandRunner(store, clock).run(Escalation, 'wsep-2022-001', { ...raise, data }, ctx);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['escalation-raised']);
  });
});
