import { allows, ROLES } from '../../auth/permissions';
import { accessLogAccessOf, packAccessOf } from './pack-access';

const as = (role: string) => ({ userId: `user-${role}`, role, agency: 'warwickshire-police' });

describe('pack access from permissions', () => {
  it('gates the read endpoints on packs:access-log, which every pack reader holds', () => {
    // If the permissions table ever gives packs:request or packs:read-granted without packs:access-log, this gate is wrong.
    for (const role of ROLES) {
      if (allows(role, 'packs:request') || allows(role, 'packs:read-granted'))
        expect({ role, gate: allows(role, 'packs:access-log') }).toEqual({ role, gate: true });
    }
  });

  it('lets requesters see any pack, inspectors only granted ones, others none', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, packAccessOf(as(r))]))).toEqual({
      chair: 'any',
      'business-manager': 'any',
      auditor: 'any',
      inspector: 'granted',
      'partner-representative': 'none',
      member: 'none',
      'data-protection-officer': 'none',
      admin: 'none',
    });
    expect(packAccessOf(as('not-a-role'))).toBe('none');
  });

  it("lets requesters and DPOs read any access log, inspectors only their granted packs', others none", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, accessLogAccessOf(as(r))]))).toEqual({
      chair: 'any',
      'business-manager': 'any',
      auditor: 'any',
      inspector: 'granted',
      'data-protection-officer': 'any',
      'partner-representative': 'none',
      member: 'none',
      admin: 'none',
    });
  });
});
