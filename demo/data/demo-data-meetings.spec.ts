/** Meeting-level consistency of the demo data, including the traps the sources hold. */
import { allSignOffs } from './collect';
import { demoData, keyRecordIds } from './index';

const d = demoData;
const signOffs = allSignOffs(d);
const meeting = (id: string) => {
  const m = d.meetings.find((x) => x.id === id);
  if (!m) throw new Error(`no meeting ${id}`);
  return m;
};

describe('demo data: meetings', () => {
  it('the May 2022 meeting has its actions, each with owners', () => {
    const may = meeting(keyRecordIds.meetings.warwickshireMay2022);
    const raised = may.items.flatMap((i) => i.actions);
    expect(raised.filter((a) => a.inActionColumn)).toHaveLength(10);
    for (const a of raised) {
      expect(a.id).toMatch(/^wseb-2022-05-10-a\d+$/);
      expect(a.owners.length).toBeGreaterThan(0);
    }
    expect(may.priorActions.length).toBe(may.actionUpdates.length);
  });

  it('owners missing from a meeting attendance are flagged notOnAttendance', () => {
    for (const m of d.meetings) {
      const listed = new Set(m.attendance.map((a) => a.personId));
      for (const a of m.items.flatMap((i) => i.actions)) {
        for (const o of a.owners) {
          if (o.kind !== 'person' || listed.has(o.personId)) continue;
          expect([a.id, d.people.find((p) => p.id === o.personId)?.notOnAttendance]).toEqual([a.id, true]);
        }
      }
    }
  });

  it('contributions from people who sent apologies carry a note', () => {
    for (const m of d.meetings) {
      const away = new Set(m.attendance.filter((a) => a.status === 'apologies').map((a) => a.personId));
      for (const c of m.items.flatMap((i) => i.contributions ?? []))
        if (away.has(c.personId)) expect(c.notes).toBeTruthy();
    }
  });

  it('has one attendance entry per person, and also-representing names the partner', () => {
    for (const m of d.meetings) {
      const ids = m.attendance.map((a) => a.personId);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      for (const a of m.attendance.filter((x) => x.status === 'also-representing'))
        expect(a.representingPartnerId).toBeTruthy();
    }
  });

  it('deputies name the member they stand in for, who sent apologies', () => {
    for (const m of d.meetings) {
      const away = new Set(m.attendance.filter((a) => a.status === 'apologies').map((a) => a.personId));
      for (const a of m.attendance.filter((x) => x.status === 'deputising' || x.status === 'also-representing')) {
        expect(a.deputisingForPersonId && away.has(a.deputisingForPersonId)).toBe(true);
      }
    }
  });

  it('signed-off artefacts are signed by every required partner', () => {
    for (const s of signOffs.filter((x) => x.status !== 'pending')) {
      expect([...s.signedByPartnerIds].sort()).toEqual(expect.arrayContaining([...s.requiredPartnerIds].sort()));
    }
    const cspr = signOffs.find((s) => s.id === keyRecordIds.csprJamesSignOff);
    expect(cspr?.status).toBe('signed-off-subject-to-conditions');
    expect(signOffs.find((s) => s.id === keyRecordIds.carersPackSignOff)?.status).toBe('signed-off');
  });

  it('records the CCG to ICB succession with both partners kept', () => {
    const s = d.partnerSuccessions.find((x) => x.id === keyRecordIds.ccgToIcbSuccession);
    expect(s).toMatchObject({
      fromPartnerId: 'coventry-warwickshire-ccg',
      toPartnerId: 'coventry-warwickshire-icb',
      effectiveDate: '2022-07-01',
    });
    expect(d.partners.find((p) => p.id === 'coventry-warwickshire-ccg')?.activeTo).toBe('2022-06-30');
  });

  it('every person attends somewhere, chairs a board, or is flagged notOnAttendance', () => {
    const seen = new Set(d.meetings.flatMap((m) => m.attendance.map((a) => a.personId)));
    const chairs = new Set(d.boards.map((b) => b.chairPersonId));
    expect(d.people.filter((p) => !seen.has(p.id) && !chairs.has(p.id) && !p.notOnAttendance).map((p) => p.id)).toEqual(
      [],
    );
  });

  it('the escalation protocol flags its assumed stages', () => {
    for (const p of d.escalationProtocols) {
      expect(p.stages.map((s) => s.stage)).toEqual([1, 2, 3]);
      if (p.stagesAssumed) expect(p.stages.every((s) => s.assumed)).toBe(true);
      expect(p.stages.every((s) => Number.isInteger(s.timescaleWorkingDays) && s.timescaleWorkingDays > 0)).toBe(true);
    }
  });
});
