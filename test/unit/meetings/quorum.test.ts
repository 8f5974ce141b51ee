import { describe, expect, it } from 'vitest';
import { checkQuorum } from '../../../shared/rules/quorum';
import type { Attendance, TermsOfReference } from '../../../shared/schema/records';
import { exampleData } from '../../docxPackage';
import { listRecords } from '../../../shared/data';

const data = exampleData();
const ctTor = listRecords(data, 'tor').find((t) => t.boardId === 'board:childrens-trust')!;
const heldAttendance = listRecords(data, 'attendance').filter((a) => a.meetingId === 'meeting:ct-held');
type Row = Pick<Attendance, 'personId' | 'status' | 'memberKey' | 'inPlaceOfPersonId'>;
const present = (person: string, memberKey?: string, inPlaceOf?: string): Row => ({
  personId: `person:${person}` as Attendance['personId'],
  status: 'present',
  memberKey,
  ...(inPlaceOf ? { inPlaceOfPersonId: `person:${inPlaceOf}` as Attendance['personId'] } : {}),
});
const withRule = (quorum: Partial<TermsOfReference['quorum']>): TermsOfReference => ({ ...ctTor, quorum: { requireChairOrVice: false, text: '', ...quorum } });

describe('the quorum rule', () => {
  it('is met at the example’s held meeting: a third of 10, the chair, and five agencies, counting the governors’ deputy', () => {
    const q = checkQuorum(ctTor, heldAttendance);
    expect(ctTor.members).toHaveLength(10);
    expect(q).toMatchObject({ met: true, needed: 4, counted: 8, chairOrVicePresent: true, reasons: [] });
    expect(q.presence.find((p) => p.member.key === 'governors')).toMatchObject({ by: 'deputy', personId: 'person:martin-doyle' });
    expect(q.summary).toBe('Quorate: 8 members of 10, including the chair or vice-chair, from 5 agencies.');
  });

  it('is not met without the chair or vice-chair, and says why', () => {
    const q = checkQuorum(ctTor, [present('dev-sandhu', 'councillor'), present('amira-haddad', 'safeguarding'), present('mark-ellery', 'police'), present('beth-arnold', 'health'), present('erin-walsh', 'voluntary')]);
    expect(q.met).toBe(false);
    expect(q.reasons).toEqual(['Neither the chair nor the vice-chair is present.']);
  });

  it('is met only because a permitted substitute attends', () => {
    const rule = withRule({ minMembers: 4, minAgencies: 3 });
    const without = [present('ruth-hallam', 'chair'), present('mark-ellery', 'police'), present('beth-arnold', 'health')];
    expect(checkQuorum(rule, without)).toMatchObject({ met: false, reasons: ['3 members of 10 present; 4 needed.'] });
    const withDeputy = [...without, present('martin-doyle', 'governors', 'gareth-lyle')];
    expect(checkQuorum(rule, withDeputy)).toMatchObject({ met: true, counted: 4 });
  });

  it('does not count a substitute for a member the ToR gives no deputy, and names it', () => {
    const rule = withRule({ minMembers: 2 });
    const q = checkQuorum(rule, [present('mark-ellery', 'police'), present('joan-fairley', 'councillor', 'dev-sandhu')]);
    expect(q).toMatchObject({ met: false, counted: 1 });
    expect(q.reasons).toEqual(['1 member of 10 present; 2 needed.', 'The Elected member may not send a deputy under the terms of reference, so their substitute does not count.']);
  });

  it('follows the ToR when its numbers change: three quarters, nine tenths, or six agencies', () => {
    expect(checkQuorum(withRule({ minFraction: 3 / 4 }), heldAttendance)).toMatchObject({ met: true, needed: 8 });
    expect(checkQuorum(withRule({ minFraction: 0.9 }), heldAttendance)).toMatchObject({ met: false, needed: 9, reasons: ['8 members of 10 present; 9 needed.'] });
    expect(checkQuorum(withRule({ minAgencies: 6 }), heldAttendance)).toMatchObject({ met: false, reasons: ['5 agencies represented; 6 needed.'] });
  });

  it('counts apologies and unrecorded members as absent', () => {
    const q = checkQuorum(ctTor, []);
    expect(q).toMatchObject({ met: false, counted: 0, agencies: 0 });
    expect(q.presence.every((p) => p.by === 'not-recorded')).toBe(true);
  });
});
