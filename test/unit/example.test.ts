import { describe, expect, it } from 'vitest';
import { buildExampleRecords, EXAMPLE_SUMMARY } from '../../shared/example';
import { seedRecords } from '../../shared/kernel/changeSet';
import { emptyData, listRecords } from '../../shared/data';
import { recordSchema } from '../../shared/schema/records';
import { buildDashboard } from '../../shared/rules/dashboard';
import { fixedContext } from '../helpers';

describe('the example partnership', () => {
  const example = (ctx = fixedContext()) => seedRecords(emptyData(), buildExampleRecords(ctx.today()), ctx, EXAMPLE_SUMMARY);
  const { data, journal } = example();

  it('is made of records that all pass the schemas', () => {
    for (const record of Object.values(data.records)) {
      const parsed = recordSchema.safeParse(record);
      expect(parsed.success, `${record.id}: ${parsed.error?.message}`).toBe(true);
    }
    expect(journal.changes.length).toBe(Object.keys(data.records).length);
  });

  it('has three boards, each with approved terms of reference', () => {
    const boards = listRecords(data, 'board');
    expect(boards.map((b) => b.kind).sort()).toEqual(['childrens-trust', 'health-and-wellbeing', 'safeguarding-partnership']);
    for (const b of boards) expect(listRecords(data, 'tor').some((t) => t.boardId === b.id && t.status === 'approved')).toBe(true);
    const ct = listRecords(data, 'tor').find((t) => t.boardId === 'board:childrens-trust')!;
    expect(ct.meetingsPerYear).toBe(3);
    expect(ct.deepDivesPerMeeting).toBe(1);
    expect(ct.permissions.join(' ')).toMatch(/challenge/);
  });

  it('holds a held meeting with a substitute, a declaration, resolutions and owned actions', () => {
    const held = listRecords(data, 'meeting').find((m) => m.status === 'held')!;
    const attendance = listRecords(data, 'attendance').filter((a) => a.meetingId === held.id);
    expect(attendance.some((a) => a.status === 'apologies')).toBe(true);
    expect(attendance.some((a) => a.inPlaceOfPersonId)).toBe(true);
    expect(listRecords(data, 'declaration').some((d) => d.meetingId === held.id)).toBe(true);
    expect(listRecords(data, 'resolution').filter((r) => r.meetingId === held.id).length).toBeGreaterThanOrEqual(3);
    const actions = listRecords(data, 'action').filter((a) => a.meetingId === held.id);
    expect(actions.length).toBeGreaterThanOrEqual(3);
    for (const a of actions) expect(a.ownerPersonId && a.dueDate).toBeTruthy();
  });

  it('has a next meeting with papers, a table in a body and one Part 2 item', () => {
    const items = listRecords(data, 'agendaItem').filter((i) => i.meetingId === 'meeting:ct-next');
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.some((i) => i.paper?.body.includes('|--'))).toBe(true);
    const part2 = items.filter((i) => i.part2);
    expect(part2).toHaveLength(1);
    expect(part2[0].part2?.paragraph).toBe(3);
  });

  it('has the protocol in consultation with comments from partners on several sections', () => {
    const version = listRecords(data, 'protocolVersion')[0];
    expect(version.status).toBe('consultation');
    const sections = new Set(listRecords(data, 'protocolComment').map((c) => c.sectionKey));
    expect(sections.size).toBeGreaterThanOrEqual(3);
  });

  it('dates its next meeting ahead of the day it is loaded, whatever that day is', () => {
    for (const now of ['2026-11-23T09:00:00.000Z', '2031-02-28T09:00:00.000Z']) {
      const d = example(fixedContext(now)).data;
      const dash = buildDashboard(d, now.slice(0, 10), new Set());
      const ct = dash.boards.find((b) => b.boardId === 'board:childrens-trust')!;
      expect(ct.nextMeeting?.daysUntil).toBeGreaterThan(14);
      expect(ct.nextMeeting?.papersOutstanding.length).toBe(2);
      expect(ct.overdueActions).toBe(1);
      expect(ct.openActions).toBe(3);
    }
  });
});
