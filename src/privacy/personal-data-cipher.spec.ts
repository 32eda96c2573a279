import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, TamperedPersonalValue } from './personal-data-cipher';
import { ERASED, ERASED_TEXT, isSealed, WITHHELD_TEXT, type SealedValue } from './sealed-value';
import { SubjectKeyStore } from './subject-key-store';
import type { SubjectKeys } from './subject-keys.port';

const raised = {
  escalationId: 'wsep-2022-001',
  dataSubjects: [
    { subjectId: 'child-1', relation: 'child', name: 'Jamie Example', dateOfBirth: '2015-03-04' },
    { subjectId: 'parent-1', relation: 'parent', name: 'Sam Example' },
  ],
};
const FIELDS = [
  { path: 'dataSubjects[].name', subject: 'dataSubjects[].subjectId' },
  { path: 'dataSubjects[].dateOfBirth', subject: 'dataSubjects[].subjectId' },
];

describe('PersonalDataCipher', () => {
  let keys: SubjectKeyStore;
  let cipher: PersonalDataCipher;
  beforeEach(() => {
    keys = new SubjectKeyStore(':memory:', randomBytes(32));
    cipher = new PersonalDataCipher(keys);
  });
  afterEach(() => keys.close());

  it('given declared fields, when an event is sealed, then each present value is an A256GCM envelope and the rest is untouched', async () => {
    const sealed = await cipher.sealEvent('escalation-raised', raised, FIELDS);
    const [child, parent] = sealed.dataSubjects as unknown as {
      subjectId: string;
      relation: string;
      name: SealedValue;
      dateOfBirth?: SealedValue;
    }[];
    expect(child.name.$personal).toMatchObject({
      subjectId: 'child-1',
      keyVersion: 1,
      alg: 'A256GCM',
      field: 'escalation-raised:dataSubjects[].name',
    });
    expect(isSealed(child.dateOfBirth)).toBe(true);
    expect(parent.dateOfBirth).toBeUndefined();
    expect(parent.name.$personal.subjectId).toBe('parent-1');
    expect({ ...child, name: 0, dateOfBirth: 0 }).toEqual({
      subjectId: 'child-1',
      relation: 'child',
      name: 0,
      dateOfBirth: 0,
    });
    expect(JSON.stringify(sealed)).not.toContain('Jamie');
    expect(raised.dataSubjects[0].name).toBe('Jamie Example'); // the input is left alone
  });

  it('round trip: reveal gives the plaintext back, anywhere in a document', async () => {
    const sealed = await cipher.sealEvent('escalation-raised', raised, FIELDS);
    expect(await cipher.reveal({ doc: sealed, n: 1 })).toEqual({ doc: raised, n: 1 });
  });

  it('given no declared fields, then the data is returned as is', async () => {
    expect(await cipher.sealEvent('escalation-closed', raised, [])).toBe(raised);
  });

  it('refuses a declared value with no subject id: it could never be erased', async () => {
    await expect(cipher.sealEvent('x', { dataSubjects: [{ name: 'A B' }] }, FIELDS)).rejects.toThrow(/no data subject/);
  });

  it('given another key (another master key), then the value does not open', async () => {
    const sealed = await cipher.seal('Jamie Example', 'child-1', 'escalation-raised:dataSubjects[].name');
    const other = new SubjectKeyStore(':memory:', randomBytes(32));
    await other.current('child-1'); // a child-1 key exists there, but it is not the one that sealed
    await expect(new PersonalDataCipher(other).open(sealed)).rejects.toThrow(TamperedPersonalValue);
    await other.close();
  });

  it('refuses a ciphertext moved to another field, relabelled or pointed at another subject (AAD)', async () => {
    const a = await cipher.seal('Jamie Example', 'child-1', 'escalation-raised:dataSubjects[].name');
    await cipher.seal('Sam Example', 'parent-1', 'escalation-raised:dataSubjects[].name');
    expect(await cipher.open(a, 'escalation-raised:dataSubjects[].name')).toBe('Jamie Example');
    await expect(cipher.open(a, 'escalation-acknowledged:personalNote.text')).rejects.toThrow(TamperedPersonalValue);
    await expect(
      cipher.open({ $personal: { ...a.$personal, field: 'escalation-acknowledged:personalNote.text' } }),
    ).rejects.toThrow(TamperedPersonalValue);
    await expect(cipher.open({ $personal: { ...a.$personal, subjectId: 'parent-1' } })).rejects.toThrow(
      TamperedPersonalValue,
    );
  });

  it('given an erased subject, then open gives ERASED and reveal "[erased]", also after a cached read', async () => {
    const sealed = await cipher.sealEvent('escalation-raised', raised, FIELDS);
    expect((await cipher.reveal(sealed)).dataSubjects[0].name).toBe('Jamie Example'); // key now cached
    expect(await cipher.erase('child-1')).toEqual([1]);
    const revealed = await cipher.reveal(sealed);
    expect(revealed.dataSubjects[0]).toMatchObject({ name: ERASED_TEXT, dateOfBirth: ERASED_TEXT });
    expect(revealed.dataSubjects[1].name).toBe('Sam Example');
    expect(await cipher.open((sealed.dataSubjects[0] as unknown as { name: SealedValue }).name)).toBe(ERASED);
    expect(await cipher.erase('child-1')).toEqual([]); // erasing what is gone destroys nothing more
  });

  it('given an erasure recorded but its keys not yet destroyed, then reveal shows that subject version as "[erased]" and the rest in clear', async () => {
    const sealed = await cipher.sealEvent('escalation-raised', raised, FIELDS);
    const revealed = await cipher.reveal(sealed, (subjectId, version) => subjectId === 'child-1' && version === 1);
    expect(revealed.dataSubjects[0]).toMatchObject({ name: ERASED_TEXT, dateOfBirth: ERASED_TEXT });
    expect(revealed.dataSubjects[1].name).toBe('Sam Example');
    expect(await cipher.liveVersions('child-1')).toEqual([1]); // nothing destroyed by reading
  });

  it('withhold shows every sealed value as the withheld marker, opening none, and leaves the rest alone', async () => {
    const sealed = await cipher.sealEvent('escalation-raised', raised, FIELDS);
    expect(cipher.withhold({ doc: sealed, n: 1 })).toEqual({
      doc: {
        ...raised,
        dataSubjects: [
          { subjectId: 'child-1', relation: 'child', name: WITHHELD_TEXT, dateOfBirth: WITHHELD_TEXT },
          { subjectId: 'parent-1', relation: 'parent', name: WITHHELD_TEXT },
        ],
      },
      n: 1,
    });
  });

  it('rectification seals under a new key version once per event; erasing the old version keeps the new value', async () => {
    const old = await cipher.seal('Jamie Exampel', 'child-1', 'escalation-raised:dataSubjects[].name');
    const fix = (await cipher.sealEvent(
      'escalation-data-subject-rectified',
      { subjectId: 'child-1', name: 'Jamie Example', dateOfBirth: '2015-03-04' },
      [
        { path: 'name', subject: 'subjectId', newKeyVersion: true },
        { path: 'dateOfBirth', subject: 'subjectId', newKeyVersion: true },
      ],
    )) as unknown as { name: SealedValue; dateOfBirth: SealedValue };
    expect([fix.name.$personal.keyVersion, fix.dateOfBirth.$personal.keyVersion]).toEqual([2, 2]);
    expect(await cipher.liveVersions('child-1')).toEqual([1, 2]);
    await cipher.erase('child-1', 1);
    expect(await cipher.reveal([old, fix.name])).toEqual([ERASED_TEXT, 'Jamie Example']);
  });

  it('in test mode remembers the plaintexts it sealed (so suites can search logs for them)', async () => {
    const remembered = cipher.rememberPlaintexts();
    await cipher.sealEvent('escalation-raised', raised, FIELDS);
    expect([...remembered].sort()).toEqual(['2015-03-04', 'Jamie Example', 'Sam Example']);
  });
});

describe('PersonalDataCipher over a shared key store (several instances)', () => {
  /** One store two instances share: not cacheable, every read counted. */
  const shared = () => {
    const inner = new SubjectKeyStore(':memory:', randomBytes(32));
    const reads = { count: 0 };
    const store: SubjectKeys = Object.assign(Object.create(inner) as SubjectKeys, {
      cacheable: false,
      getMany: (refs: Parameters<SubjectKeys['getMany']>[0]) => {
        reads.count++;
        return inner.getMany(refs);
      },
    });
    return { store, reads, close: () => inner.close() };
  };

  it('given a key revealed on instance A, when instance B erases the subject, then A reveals "[erased]" at its next read: nothing was kept', async () => {
    const { store, close } = shared();
    const [a, b] = [new PersonalDataCipher(store), new PersonalDataCipher(store)];
    const sealed = await a.sealEvent('escalation-raised', raised, FIELDS);
    expect((await a.reveal(sealed)).dataSubjects[0].name).toBe('Jamie Example');
    await b.erase('child-1');
    expect((await a.reveal(sealed)).dataSubjects[0]).toMatchObject({ name: ERASED_TEXT, dateOfBirth: ERASED_TEXT });
    await close();
  });

  it('given a page of documents, when their keys are read first (keysFor), then revealing every one reads the store once', async () => {
    const { store, reads, close } = shared();
    const cipher = new PersonalDataCipher(store);
    const page = [
      await cipher.sealEvent('escalation-raised', raised, FIELDS),
      await cipher.sealEvent('escalation-raised', { ...raised, escalationId: 'wsep-2022-002' }, FIELDS),
    ];
    const keys = await cipher.keysFor(page);
    const shown = await Promise.all(page.map((doc) => cipher.reveal(doc, undefined, keys)));
    expect(shown.map((d) => d.dataSubjects.map((p) => p.name))).toEqual([
      ['Jamie Example', 'Sam Example'],
      ['Jamie Example', 'Sam Example'],
    ]);
    expect(reads.count).toBe(1);
    await close();
  });
});
