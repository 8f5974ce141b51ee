import { describe, expect, it } from 'vitest';
import { planFindings } from '../../../shared/rules/planChecks';
import { currentTor } from '../../../shared/rules/boards';
import { addDays } from '../../../shared/rules/dates';
import { findRecord, type StoreData } from '../../../shared/data';
import { bankHolidaysAround } from '../../../main/services/holidays';
import { exampleData } from '../../docxPackage';
import { TEST_TODAY } from '../../helpers';

const today = TEST_TODAY;
const holidays = bankHolidaysAround(today);
const put = (data: StoreData, ...records: object[]): StoreData => ({ records: { ...data.records, ...Object.fromEntries(records.map((r) => [(r as { id: string }).id, r])) } }) as StoreData;
const withTor = (data: StoreData, boardId: string, patch: object) => put(data, { ...currentTor(data, boardId as 'board:hwb')!, ...patch });
const kinds = (data: StoreData, kind: string) => planFindings(data, today, holidays).filter((f) => f.kind === kind).map((f) => f.message);

describe('the plan checked against the terms of reference', () => {
  it('flags a meeting with fewer deep dives than the ToR asks, and follows the ToR when it asks for two', () => {
    const data = exampleData(today);
    expect(kinds(data, 'deep-dives-short')).toEqual([expect.stringMatching(/^Children’s Trust, \d+ \w+ 2027: 0 of 1 deep dive scheduled/)]);
    const two = withTor(data, 'board:childrens-trust', { deepDivesPerMeeting: 2 });
    expect(kinds(two, 'deep-dives-short')).toEqual([expect.stringMatching(/15 December 2026: 1 of 2 deep dives/), expect.stringMatching(/2027: 0 of 2 deep dives/)]);
    // Scheduling the unscheduled theme at the third meeting clears its warning under the one-a-meeting rule.
    const third = findRecord(data, 'meeting', 'meeting:ct-third')!;
    const scheduled = put(data, { ...findRecord(data, 'deepDive', 'deepDive:missing-education')!, meetingId: third.id, status: 'scheduled' });
    expect(kinds(scheduled, 'deep-dives-short')).toEqual([]);
  });

  it('flags a board planning fewer meetings in the next twelve months than its ToR sets', () => {
    const data = exampleData(today);
    expect(kinds(data, 'meetings-per-year-short')).toEqual([
      'Children’s Trust: 2 meetings planned in the next twelve months; the terms of reference ask for 3 a year.',
      'Health and Wellbeing Board: 1 meeting planned in the next twelve months; the terms of reference ask for 4 a year.',
      'Safeguarding Partnership: 1 meeting planned in the next twelve months; the terms of reference ask for 4 a year.',
    ]);
    const ct = withTor(data, 'board:childrens-trust', { meetingsPerYear: 4 });
    expect(kinds(ct, 'meetings-per-year-short')).toContain('Children’s Trust: 2 meetings planned in the next twelve months; the terms of reference ask for 4 a year.');
    const relaxed = withTor(data, 'board:childrens-trust', { meetingsPerYear: 2 });
    expect(kinds(relaxed, 'meetings-per-year-short').some((m) => m.startsWith('Children’s Trust'))).toBe(false);
  });

  it('flags a forward plan item whose paper deadline has passed with no paper', () => {
    const data = exampleData(today);
    expect(kinds(data, 'paper-overdue')).toEqual([]);
    // A week before the Children's Trust meeting the deadline (5 clear working days) has passed.
    const meeting = findRecord(data, 'meeting', 'meeting:ct-next')!;
    const late = planFindings(data, addDays(meeting.date, -3), holidays).filter((f) => f.kind === 'paper-overdue');
    expect(late.map((f) => f.forwardPlanItemId)).toEqual(['forwardPlanItem:cypp']);
    // A longer deadline in the ToR brings it forward.
    const longer = withTor(data, 'board:childrens-trust', { paperDeadlineWorkingDays: 15 });
    expect(planFindings(longer, addDays(meeting.date, -10), holidays).filter((f) => f.kind === 'paper-overdue').map((f) => f.forwardPlanItemId)).toEqual(['forwardPlanItem:cypp']);
  });

  it('flags a deep-dive follow-up as it falls due', () => {
    const data = exampleData(today);
    const third = findRecord(data, 'meeting', 'meeting:ct-third')!;
    expect(kinds(data, 'follow-up-due')).toEqual([]);
    expect(planFindings(data, addDays(third.date, -30), holidays).filter((f) => f.kind === 'follow-up-due').map((f) => f.deepDiveId)).toEqual(['deepDive:front-door']);
    const closed = put(data, { ...findRecord(data, 'deepDive', 'deepDive:front-door')!, status: 'closed' });
    expect(planFindings(closed, addDays(third.date, -30), holidays).filter((f) => f.kind === 'follow-up-due')).toEqual([]);
  });
});

describe('the plan in pre-flight', () => {
  it('warns in the pack of a meeting short of deep dives, with a follow-up due, or with a planned paper overdue and not on the agenda', async () => {
    const { preflight } = await import('../../../shared/pack/preflight');
    const data = exampleData(today);
    const third = findRecord(data, 'meeting', 'meeting:ct-third')!;
    const near = addDays(third.date, -3);
    const codes = preflight(data, third.id, 'public', near, holidays, () => true).problems.filter((p) => p.severity === 'warning').map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['deep-dives-short', 'follow-up-due', 'paper-overdue']));
  });
});
