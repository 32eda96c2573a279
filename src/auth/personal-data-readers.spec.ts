import { ROLES } from './permissions';
import { maySeePersonalValues } from './personal-data-readers';

describe('maySeePersonalValues', () => {
  const escalation = { raisedByAgency: 'warwickshire-cc', concerningAgency: 'cw-icb' };
  const sees = (agency: string) =>
    Object.fromEntries(ROLES.map((role) => [role, maySeePersonalValues({ role, agency }, escalation)]));

  it('given a party agency (raising or concerned), then its representatives and members, the secretariat and the DPO see them', () => {
    const party = {
      chair: true,
      'business-manager': true,
      'partner-representative': true,
      member: true,
      auditor: false,
      inspector: false,
      'data-protection-officer': true,
      admin: false,
    };
    expect(sees('warwickshire-cc')).toEqual(party);
    expect(sees('cw-icb')).toEqual(party);
  });

  it('given an agency that is no party, then only the secretariat and the DPO see them', () => {
    expect(sees('warwickshire-police')).toEqual({
      chair: true,
      'business-manager': true,
      'partner-representative': false,
      member: false,
      auditor: false,
      inspector: false,
      'data-protection-officer': true,
      admin: false,
    });
  });

  it('given an escalation whose parties are not known, then an agency-bound role sees nothing', () => {
    expect(maySeePersonalValues({ role: 'member', agency: 'cw-icb' }, {})).toBe(false);
  });
});
