import { csvField, toCsv } from './csv';
import type { SealedValue } from '../../../privacy';

const sealed: SealedValue = {
  $personal: {
    subjectId: 'child-1',
    keyVersion: 1,
    alg: 'A256GCM',
    field: 'escalation-raised:dataSubjects[].name',
    iv: 'aXY=',
    ct: 'Y3Q=',
    tag: 'dGFn',
  },
};

describe('pack CSV cells and personal values', () => {
  it('prints a sealed value as the one marker, never its ciphertext or subject key', () => {
    expect(csvField(sealed)).toBe('[personal data withheld]');
    expect(toCsv(['name'], [[sealed]])).toBe('name\r\n[personal data withheld]\r\n');
  });

  it('leaves every other cell as before', () => {
    expect([csvField('a,b'), csvField(3), csvField(undefined), csvField(null), csvField(true)]).toEqual([
      '"a,b"',
      '3',
      '',
      '',
      'true',
    ]);
  });
});
