import { describe, expect, it } from 'vitest';
import { findRecord, listRecords, type StoreData } from '../../../shared/data';
import { agendaTimes, byAgendaOrder, overrunMinutes } from '../../../shared/rules/agenda';
import { isOverdue } from '../../../shared/rules/actions';
import { checkQuorum } from '../../../shared/rules/quorum';
import { currentTor } from '../../../shared/rules/boards';
import { assemblePack } from '../../../shared/pack/model';
import { exampleData } from '../../docxPackage';
import { commandSession } from '../../helpers';

/** The example, with commands run on it as the store would, and a meeting's agenda in order. */
const session = (data: StoreData = exampleData()) => {
  const s = commandSession(data);
  const agenda = (meetingId: string) => listRecords(s.state.data, 'agendaItem').filter((i) => i.meetingId === meetingId).sort(byAgendaOrder);
  return { ...s, agenda };
};

describe('the agenda builder', () => {
  it('drafts a new meeting’s agenda from the standing items, the forward plan items targeted at it and its deep dive', () => {
    const s = session();
    s.run('agenda:draft', { meetingId: 'meeting:scp-next' });
    const items = s.agenda('meeting:scp-next');
    expect(items.map((i) => i.title)).toEqual([
      'Apologies, introductions and declarations of interest',
      'Minutes of the last meeting and matters arising',
      'Action log',
      'Deep dive: Child exploitation',
      'Annual safeguarding report',
      'Partner updates',
      'Forward plan',
      'Any other business and date of next meeting',
    ]);
    const report = items[4];
    expect(report).toMatchObject({ purpose: 'discussion', forwardPlanItemId: 'forwardPlanItem:annual-report', paper: { status: 'requested', authorPersonId: 'person:owen-pritchard' } });
    expect(items[3]).toMatchObject({ deepDiveId: 'deepDive:exploitation', durationMinutes: 45 });
    expect(findRecord(s.state.data, 'forwardPlanItem', 'forwardPlanItem:annual-report')!.status).toBe('on-agenda');
    // Times as the seeds print them, from the 10:00 start.
    expect(agendaTimes(items, '10:00').map((t) => t.start)).toEqual(['10:00', '10:05', '10:10', '10:20', '11:05', '11:25', '11:40', '11:45']);
    expect(() => s.run('agenda:draft', { meetingId: 'meeting:scp-next' })).toThrow(/already has an agenda/);
  });

  it('leaves deferred forward plan items off, and adds new business before the closing standing items', () => {
    const s = session();
    const fp = findRecord(s.state.data, 'forwardPlanItem', 'forwardPlanItem:jsna')!;
    s.state.data = { records: { ...s.state.data.records, [fp.id]: { ...fp, status: 'deferred', deferredReason: 'Data not ready' } } };
    s.run('agenda:draft', { meetingId: 'meeting:hwb-next' });
    expect(s.agenda('meeting:hwb-next').map((i) => i.title)).not.toContain('Joint strategic needs assessment: children’s chapter');
    s.run('agenda:add', { meetingId: 'meeting:hwb-next', title: 'Healthy weight strategy', purpose: 'decision', durationMinutes: 20, presenterIds: ['person:leah-donnelly'], paperRequested: true, authorPersonId: 'person:leah-donnelly' });
    const titles = s.agenda('meeting:hwb-next').map((i) => i.title);
    expect(titles.indexOf('Healthy weight strategy')).toBe(titles.indexOf('Partner updates') - 1);
  });

  it('reorders by position, recomputes the times and warns when the agenda overruns the planned end', () => {
    const s = session();
    s.run('agenda:draft', { meetingId: 'meeting:scp-next' });
    const meeting = findRecord(s.state.data, 'meeting', 'meeting:scp-next')!;
    const report = s.agenda(meeting.id).find((i) => i.title === 'Annual safeguarding report')!;
    s.run('agenda:move', { agendaItemId: report.id, toIndex: 3 }); // before the deep dive, as a keyboard "move up" would
    expect(s.agenda(meeting.id).map((i) => i.title).slice(3, 5)).toEqual(['Annual safeguarding report', 'Deep dive: Child exploitation']);
    expect(agendaTimes(s.agenda(meeting.id), meeting.startTime).map((t) => t.start).slice(3, 6)).toEqual(['10:20', '10:40', '11:25']);
    expect(overrunMinutes(s.agenda(meeting.id), meeting)).toBe(0);
    const dive = s.agenda(meeting.id)[4];
    s.run('agenda:update', { agendaItemId: dive.id, title: dive.title, purpose: 'discussion', durationMinutes: 120, fixedStart: null, presenterIds: dive.presenterIds, paperRequested: true, authorPersonId: null });
    expect(overrunMinutes(s.agenda(meeting.id), meeting)).toBe(35);
    s.run('agenda:update', { agendaItemId: dive.id, title: dive.title, purpose: 'discussion', durationMinutes: 45, fixedStart: '11:00', presenterIds: dive.presenterIds, paperRequested: true, authorPersonId: null });
    expect(agendaTimes(s.agenda(meeting.id), meeting.startTime).map((t) => t.start).slice(4, 6)).toEqual(['11:00', '11:45']);
    // Many moves in the same place still leave the items in order.
    for (let i = 0; i < 40; i++) s.run('agenda:move', { agendaItemId: s.agenda(meeting.id).at(-1)!.id, toIndex: 1 });
    expect(new Set(s.agenda(meeting.id).map((i) => i.order)).size).toBe(8);
  });

  it('keeps Part 2 items last whichever way they are moved', () => {
    const s = session();
    s.run('agenda:move', { agendaItemId: 'agendaItem:next-10', toIndex: 0 });
    expect(s.agenda('meeting:ct-next').at(-1)!.id).toBe('agendaItem:next-10');
    s.run('agenda:move', { agendaItemId: 'agendaItem:next-4', toIndex: 99 });
    expect(s.agenda('meeting:ct-next').map((i) => i.id).slice(-2)).toEqual(['agendaItem:next-4', 'agendaItem:next-10']);
    s.run('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-6', part2: { paragraph: 3, reason: 'Commercial' } });
    expect(s.agenda('meeting:ct-next').at(-1)!.id).toBe('agendaItem:next-6');
    s.run('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-10', part2: null });
    expect(s.agenda('meeting:ct-next').map((i) => i.id).slice(-3)).toEqual(['agendaItem:next-4', 'agendaItem:next-10', 'agendaItem:next-6']);
  });

  it('drafts from the board’s own standing items once the secretariat edits them', () => {
    const s = session();
    const board = findRecord(s.state.data, 'board', 'board:hwb')!;
    s.run('boards:setStandingItems', {
      boardId: board.id,
      expectedRev: board.rev,
      standingItems: [
        { kind: 'apologies', title: 'Welcome and apologies', durationMinutes: 5 },
        { kind: 'declarations', title: 'Declarations of interest', durationMinutes: 5 },
        { kind: 'aob', title: 'Any other business', durationMinutes: 10 },
      ],
    });
    s.run('agenda:draft', { meetingId: 'meeting:hwb-next' });
    const titles = s.agenda('meeting:hwb-next').map((i) => i.title);
    expect(titles[0]).toBe('Welcome and apologies');
    expect(titles[1]).toBe('Declarations of interest');
    expect(titles.at(-1)).toBe('Any other business');
    expect(titles).not.toContain('Partner updates');
    expect(() => s.run('boards:setStandingItems', { boardId: board.id, expectedRev: board.rev, standingItems: [] })).toThrow(/changed since you opened it/);
  });

  it('takes a paper typed into Quorum as received, and back to requested when cleared', () => {
    const s = session();
    s.run('paper:updateBody', { agendaItemId: 'agendaItem:next-6', body: '## Summary\n\nThe refreshed plan has four priorities.' });
    expect(findRecord(s.state.data, 'agendaItem', 'agendaItem:next-6')!.paper).toMatchObject({ status: 'received', receivedOn: '2026-11-23', body: expect.stringContaining('four priorities') });
    s.run('paper:updateBody', { agendaItemId: 'agendaItem:next-6', body: '' });
    expect(findRecord(s.state.data, 'agendaItem', 'agendaItem:next-6')!.paper).toMatchObject({ status: 'requested', body: '' });
  });

  it('will not take off an item that has been minuted', () => {
    const s = session();
    expect(() => s.run('agenda:remove', { agendaItemId: 'agendaItem:held-3' })).toThrow(/has minutes, resolutions or actions/);
  });
});

describe('a long agenda', () => {
  it('takes 300 items added one after another before the closing items, renumbering the order keys when a place runs out of room', () => {
    const s = session();
    s.run('agenda:draft', { meetingId: 'meeting:scp-next' });
    for (let n = 1; n <= 300; n++) s.run('agenda:add', { meetingId: 'meeting:scp-next', title: `Report ${n}`, purpose: 'noting', durationMinutes: 1, presenterIds: [], paperRequested: false });
    const titles = s.agenda('meeting:scp-next').map((i) => i.title);
    expect(titles.filter((t) => t.startsWith('Report '))).toEqual(Array.from({ length: 300 }, (_, i) => `Report ${i + 1}`));
    expect(titles.slice(-3)).toEqual(['Partner updates', 'Forward plan', 'Any other business and date of next meeting']);
    expect(Math.max(...s.agenda('meeting:scp-next').map((i) => i.order.length))).toBeLessThanOrEqual(32);
  });
});

describe('attendance and quorum', () => {
  it('records a permitted substitute, marks the member’s apologies, and the quorum counts them', () => {
    const s = session();
    const meetingId = 'meeting:ct-next';
    for (const p of ['ruth-hallam', 'mark-ellery', 'beth-arnold']) s.run('attendance:set', { meetingId, personId: `person:${p}`, status: 'present' });
    const tor = { ...currentTor(s.state.data, 'board:childrens-trust')!, quorum: { minMembers: 4, requireChairOrVice: true, text: '' } };
    const rows = () => listRecords(s.state.data, 'attendance').filter((a) => a.meetingId === meetingId);
    expect(checkQuorum(tor, rows()).met).toBe(false);
    const journal = s.run('attendance:set', { meetingId, personId: 'person:martin-doyle', status: 'present', inPlaceOfPersonId: 'person:gareth-lyle' });
    expect(journal.summary).toBe('Recorded Martin Doyle: in place of Gareth Lyle');
    expect(rows().find((a) => a.personId === 'person:gareth-lyle')).toMatchObject({ status: 'apologies', memberKey: 'governors' });
    expect(rows().find((a) => a.personId === 'person:martin-doyle')).toMatchObject({ memberKey: 'governors', inPlaceOfPersonId: 'person:gareth-lyle' });
    expect(checkQuorum(tor, rows())).toMatchObject({ met: true, counted: 4 });
  });

  it('refuses a substitute where the terms of reference allow no deputy', () => {
    const s = session();
    expect(() => s.run('attendance:set', { meetingId: 'meeting:ct-next', personId: 'person:joan-fairley', status: 'present', inPlaceOfPersonId: 'person:ruth-hallam' })).toThrow(
      /do not allow the Chair \(Cabinet Member for Children and Families\) a deputy/,
    );
  });
});

describe('minutes, resolutions and actions', () => {
  it('numbers resolutions per item and closes the gap when one is removed', () => {
    const s = session();
    const item = 'agendaItem:next-4';
    for (const text of ['The Board notes the progress made.', 'The Board agrees the revised milestones.', 'A further report comes in March.']) s.run('resolutions:add', { agendaItemId: item, text });
    const numbers = () => listRecords(s.state.data, 'resolution').filter((r) => r.agendaItemId === item).sort((a, b) => a.number - b.number).map((r) => `${r.number} ${r.text}`);
    expect(numbers()).toEqual(['1 The Board notes the progress made.', '2 The Board agrees the revised milestones.', '3 A further report comes in March.']);
    const second = listRecords(s.state.data, 'resolution').find((r) => r.agendaItemId === item && r.number === 2)!;
    s.run('resolutions:remove', { resolutionId: second.id });
    expect(numbers()).toEqual(['1 The Board notes the progress made.', '2 A further report comes in March.']);
  });

  it('carries an action raised at a meeting into the next meeting’s pack, with the minutes, and derives overdue from its due date', () => {
    const s = session();
    // The next meeting is minuted as it runs: a minute, a resolution and an action on item 4.
    s.run('minutes:update', { agendaItemId: 'agendaItem:next-4', minutes: 'The Director presented the report. Members asked about **agency staff**.' });
    s.run('resolutions:add', { agendaItemId: 'agendaItem:next-4', text: 'The Board notes the progress made.' });
    s.run('actions:raise', { agendaItemId: 'agendaItem:next-4', text: 'Circulate the recruitment figures by agency', ownerPersonId: 'person:sarah-whitcombe', dueDate: '2027-01-15' });
    const meeting = findRecord(s.state.data, 'meeting', 'meeting:ct-next')!;
    s.run('meetings:update', { meetingId: meeting.id, date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, venue: meeting.venue, status: 'held' });

    const third = assemblePack(s.state.data, 'meeting:ct-third', 'public', '2027-01-20');
    expect(third.lastMinutes?.meetingId).toBe('meeting:ct-next');
    const minuted = third.lastMinutes!.items.find((i) => i.title === 'Improvement plan: progress report')!;
    expect(minuted).toMatchObject({ resolutions: ['The Board notes the progress made.'], actions: [{ text: 'Circulate the recruitment figures by agency', owner: 'Sarah Whitcombe' }] });
    expect(third.lastMinutes!.mattersArising).toEqual([{ number: 4, text: 'Circulate the recruitment figures by agency', owner: 'Sarah Whitcombe', due: expect.any(String), rag: { colour: 'red', label: 'Overdue' } }]);
    const row = third.actionLog.find((a) => a.text === 'Circulate the recruitment figures by agency')!;
    expect(row.rag).toEqual({ colour: 'red', label: 'Overdue' });

    const action = listRecords(s.state.data, 'action').find((a) => a.text.startsWith('Circulate the recruitment'))!;
    expect(isOverdue(action, '2027-01-15')).toBe(false);
    expect(isOverdue(action, '2027-01-16')).toBe(true);
    expect(isOverdue({ ...action, status: 'done' }, '2027-02-01')).toBe(false);
  });

  it('approves the last meeting’s minutes at the next, recording the resolution there', () => {
    const s = session();
    s.run('minutes:approve', { meetingId: 'meeting:ct-held', atAgendaItemId: 'agendaItem:next-2', minuteRef: 'CT/24/2', confirmed: true });
    expect(findRecord(s.state.data, 'meeting', 'meeting:ct-held')).toMatchObject({ status: 'minutes-approved', minutesApproval: { meetingId: 'meeting:ct-next', minuteRef: 'CT/24/2' } });
    const [resolution] = listRecords(s.state.data, 'resolution').filter((r) => r.agendaItemId === 'agendaItem:next-2');
    expect(resolution.text).toMatch(/^The minutes of the meeting held on .* be approved as an accurate record\.$/);
    expect(() => s.run('minutes:approve', { meetingId: 'meeting:ct-held', atAgendaItemId: 'agendaItem:next-2' })).toThrow(/already approved/);
  });

  it('records declarations per meeting and per item, which the next pack’s minutes carry', () => {
    const s = session();
    s.run('declarations:add', { meetingId: 'meeting:ct-next', personId: 'person:beth-arnold', agendaItemId: 'agendaItem:next-6', interest: 'Her organisation bids for the health visiting contract' });
    expect(() => s.run('declarations:add', { meetingId: 'meeting:ct-next', personId: 'person:beth-arnold', agendaItemId: 'agendaItem:held-2', interest: 'x' })).toThrow(/another meeting/);
    const meeting = findRecord(s.state.data, 'meeting', 'meeting:ct-next')!;
    s.run('meetings:update', { meetingId: meeting.id, date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, venue: meeting.venue, status: 'held' });
    expect(assemblePack(s.state.data, 'meeting:ct-third', 'public', '2027-01-20').lastMinutes!.declarations).toContain('Beth Arnold (item 6): Her organisation bids for the health visiting contract');
  });
});
