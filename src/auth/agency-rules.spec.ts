import { ROLES } from './permissions';
import { ACTS_FOR_ANY_AGENCY, AGENCY_RULES, mayActFor, namedAgencies, type AgencyScopedCommand } from './agency-rules';
import { assertMayActFor, NotYourAgencyError } from './agency-scope';

const police = { userId: 'pete-hill', role: 'partner-representative', agency: 'warwickshire-police' };
const member = { ...police, role: 'member' };
const chair = { userId: 'chair-1', role: 'chair', agency: 'warwickshire-safeguarding' };
const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const commands = Object.keys(AGENCY_RULES) as AgencyScopedCommand[];
const byRule = (from: string) => commands.filter((c) => AGENCY_RULES[c].from === from);

describe('mayActFor: the agency rule table evaluated in one place', () => {
  it("given a record owned by the actor's agency (alone or with others), when a representative or member acts on it, then they may", () => {
    for (const command of byRule('record')) {
      for (const actor of [police, member]) {
        expect({ command, may: mayActFor(actor, command, ['warwickshire-police']) }).toEqual({ command, may: true });
        expect({ command, may: mayActFor(actor, command, ['cw-icb', 'warwickshire-police']) }).toEqual({
          command,
          may: true,
        });
      }
    }
  });

  it('given a record owned only by other agencies, or by no agency (a team), when a representative or member acts on it, then they may not', () => {
    for (const command of byRule('record')) {
      for (const actor of [police, member]) {
        expect({ command, may: mayActFor(actor, command, ['cw-icb']) }).toEqual({ command, may: false });
        expect({ command, may: mayActFor(actor, command, []) }).toEqual({ command, may: false });
      }
    }
  });

  it('given a command naming agencies, when a representative names only their own, then they may; naming any other (or none), they may not', () => {
    for (const command of byRule('body')) {
      expect({ command, may: mayActFor(police, command, ['warwickshire-police']) }).toEqual({ command, may: true });
      expect({ command, may: mayActFor(police, command, ['warwickshire-police', 'cw-icb']) }).toEqual({
        command,
        may: false,
      });
      expect({ command, may: mayActFor(police, command, ['cw-icb']) }).toEqual({ command, may: false });
      expect({ command, may: mayActFor(police, command, []) }).toEqual({ command, may: false });
    }
  });

  it('given any command, when the chair or business manager acts for any agency or none, then they may', () => {
    for (const command of commands) {
      for (const actor of [chair, manager]) {
        for (const agencies of [['cw-icb'], [], ['warwickshire-police', 'cw-icb']])
          expect({ command, may: mayActFor(actor, command, agencies) }).toEqual({ command, may: true });
      }
    }
  });

  it('given a partnership command, when any agency-bound role sends it, then it may not even for its own agency', () => {
    for (const command of byRule('partnership'))
      expect({ command, may: mayActFor(police, command, ['warwickshire-police']) }).toEqual({ command, may: false });
  });

  it('given a command whose agencies only filter what is read, when any role sends it, then the access table alone decides', () => {
    for (const command of byRule('filter')) expect(mayActFor(police, command, ['cw-icb'])).toBe(true);
    expect(byRule('filter')).toEqual(['requestEvidencePack']);
  });

  it('given a role the table does not know as partnership-wide, when it acts for another agency, then it may not (fail closed)', () => {
    const bound = ROLES.filter((r) => !ACTS_FOR_ANY_AGENCY.includes(r));
    expect(bound).toEqual(
      expect.arrayContaining(['partner-representative', 'member', 'auditor', 'inspector', 'data-protection-officer']),
    );
    for (const role of bound)
      expect(mayActFor({ role, agency: 'warwickshire-police' }, 'noteActionProgress', ['cw-icb'])).toBe(false);
    expect(mayActFor({ role: 'not-a-role', agency: 'warwickshire-police' }, 'completeAction', ['cw-icb'])).toBe(false);
  });
});

describe('namedAgencies and assertMayActFor', () => {
  it('given a body rule, when the data names one agency or a list, then it reads that field', () => {
    expect(
      namedAgencies('raiseEscalation', { raisedByAgency: 'cw-icb', concerningAgency: 'warwickshire-police' }),
    ).toEqual(['cw-icb']);
    expect(namedAgencies('underwriteShortfall', { partnerIds: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(namedAgencies('signSignoff', {})).toEqual([]);
  });

  it('given a record rule, when asked for named agencies, then it refuses: those come from the record', () => {
    expect(() => namedAgencies('completeAction', { actionId: 'a1' })).toThrow(/record/);
  });

  it("given a refusal, when asserted, then it is a 403 not-your-agency naming the actor's agency and the record's", () => {
    const refusal = (() => {
      try {
        assertMayActFor(police, 'completeAction', ['cw-icb']);
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(NotYourAgencyError);
    expect(refusal).toMatchObject({
      status: 403,
      code: 'not-your-agency',
      details: { agency: 'warwickshire-police', target: 'cw-icb', targets: ['cw-icb'] },
    });
    expect(() => assertMayActFor(police, 'completeAction', [])).toThrow(/partnership/);
  });

  it('given a record that does not exist (undefined owners), when asserted, then it passes so the decider refuses it with its own code', () => {
    expect(() => assertMayActFor(police, 'completeAction', undefined)).not.toThrow();
  });
});
