import { describe, expect, it } from 'vitest';
import { emptyData, listRecords } from '../../../shared/data';
import { messagesDue } from '../../../shared/rules/outbox';
import { bankHolidays } from '../../../main/services/holidays';
import { fixedContext } from '../../helpers';
import { applyCommand } from '../../../shared/operations/apply';
import type { MutationName } from '../../../shared/operations';

/** The office on Monday 19 May 2025, three weeks before the meeting. */
const commandSession = (data: ReturnType<typeof emptyData>) => {
  const ctx = fixedContext('2025-05-19T09:00:00.000Z');
  const state = { data };
  return { state, run: (name: MutationName, input: unknown) => void (state.data = applyCommand(state.data, name, input, ctx).data) };
};

const holidays = bankHolidays(2025, 2027);

/** A board set up from empty: one meeting on Tuesday 10 June 2025 with two papers, one of them in Part 2. */
const partnership = () => {
  const s = commandSession(emptyData());
  s.run('partnership:setUp', { name: 'Harrowfield Partnership' });
  s.run('organisations:add', { name: 'Harrowfield Council', kind: 'council' });
  const org = listRecords(s.state.data, 'organisation')[0].id;
  s.run('people:add', { name: 'Mina Farrow', jobTitle: 'Head of Commissioning', organisationId: org, email: 'mina.farrow@harrowfield.example', phone: '' });
  s.run('people:add', { name: 'Jon Keel', jobTitle: 'Finance Business Partner', organisationId: org, email: '', phone: '' });
  const [mina, jon] = ['Mina Farrow', 'Jon Keel'].map((n) => listRecords(s.state.data, 'person').find((p) => p.name === n)!.id);
  s.run('boards:add', { name: 'Harrowfield Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
  const boardId = listRecords(s.state.data, 'board')[0].id;
  s.run('meetings:create', { boardId, date: '2025-06-10', startTime: '14:00', endTime: '16:00', venue: 'Civic Centre' });
  const meetingId = listRecords(s.state.data, 'meeting')[0].id;
  s.run('agenda:add', { meetingId, title: 'Pharmaceutical needs assessment', purpose: 'decision', durationMinutes: 20, presenterIds: [mina], paperRequested: true, authorPersonId: mina });
  return { s, mina, jon, boardId, meetingId };
};

describe('the messages Quorum writes, as they fall due', () => {
  it('asks for a paper six weeks ahead, reminds three working days before the deadline and chases the day after, with the deadline in clear working days', () => {
    const { s } = partnership();
    const due = (today: string) => messagesDue(s.state.data, today, holidays, new Set()).map((m) => [m.kind, m.dueOn]);
    expect(due('2025-04-28')).toEqual([]);
    expect(due('2025-04-29')).toEqual([['paper-request', '2025-04-29']]);
    const all = messagesDue(s.state.data, '2025-06-03', holidays, new Set());
    expect(all.map((m) => [m.kind, m.dueOn])).toEqual([
      ['paper-request', '2025-04-29'],
      ['paper-reminder', '2025-05-28'],
      ['paper-chaser', '2025-06-03'],
    ]);
    expect(all[0]).toMatchObject({ to: [{ name: 'Mina Farrow', email: 'mina.farrow@harrowfield.example' }], subject: 'Paper requested: Pharmaceutical needs assessment (Harrowfield Health and Wellbeing Board, Tuesday 10 June 2025)' });
    expect(all[0].body).toContain('by Monday 2 June 2025 (5 clear working days before the meeting');
    // Sent once, never again.
    expect(messagesDue(s.state.data, '2025-06-03', holidays, new Set(all.map((m) => m.key)))).toEqual([]);
  });

  it('reminds an action’s owner a week before it is due, and once it is past due says it is overdue, not due', () => {
    const { s, mina } = partnership();
    const item = listRecords(s.state.data, 'agendaItem')[0];
    s.run('actions:raise', { agendaItemId: item.id, text: 'Publish the consultation response', ownerPersonId: mina, dueDate: '2025-07-01' });
    const reminder = (today: string) => messagesDue(s.state.data, today, holidays, new Set()).find((m) => m.kind === 'action-reminder');
    expect(reminder('2025-06-23')).toBeUndefined();
    expect(reminder('2025-06-24')).toMatchObject({ dueOn: '2025-06-24', subject: 'Action due 1 July 2025: Health and Wellbeing Board' });
    expect(reminder('2025-06-24')!.body).toContain('"Publish the consultation response" for you, due by Tuesday 1 July 2025. Please send an update for the log before then.');
    // Not sent in time: on 3 July it goes, in words true on 3 July.
    expect(reminder('2025-07-03')).toMatchObject({ subject: 'Action overdue since 1 July 2025: Health and Wellbeing Board' });
    expect(reminder('2025-07-03')!.body).toContain('which was due by Tuesday 1 July 2025 and is now overdue');
  });

  it('names a Part 2 item by its public title only, flags a recipient with no address, and asks the clearer again when the text changes', () => {
    const { s, jon, mina, boardId, meetingId } = partnership();
    s.run('agenda:add', { meetingId, title: 'Award of the pharmacy contract to Provider K', purpose: 'decision', durationMinutes: 10, presenterIds: [], paperRequested: true, authorPersonId: jon });
    const exempt = listRecords(s.state.data, 'agendaItem').find((i) => i.title.startsWith('Award'))!;
    s.run('agenda:setPartTwo', { agendaItemId: exempt.id, part2: { paragraph: 3, reason: 'Commercial terms', publicTitle: 'Pharmacy contract (exempt)' } });
    const chasers = messagesDue(s.state.data, '2025-06-03', holidays, new Set()).filter((m) => m.about.includes(exempt.id));
    expect(chasers.length).toBe(3);
    for (const m of chasers) {
      expect(`${m.subject}\n${m.body}`).not.toMatch(/Provider K|Award of the pharmacy/);
      expect(m.subject).toContain('Pharmacy contract (exempt)');
      expect(m.problem).toBe('No e-mail address for Jon Keel: add it in People and boards');
    }
    // Finance clears decision papers, and Jon gives it: a request once Mina's paper is in, and again after it changes.
    s.run('boards:setClearances', { boardId, rules: [{ key: 'finance', label: 'Finance', paperKinds: ['decision'], personId: mina }] });
    const pna = listRecords(s.state.data, 'agendaItem').find((i) => i.title === 'Pharmaceutical needs assessment')!;
    s.run('paper:updateBody', { agendaItemId: pna.id, body: 'The assessment finds no gaps in provision.' });
    const asked = messagesDue(s.state.data, '2025-05-20', holidays, new Set()).filter((m) => m.kind === 'clearance-request');
    expect(asked.map((m) => m.subject)).toEqual(['Finance clearance requested: Pharmaceutical needs assessment (Harrowfield Health and Wellbeing Board, Tuesday 10 June 2025)']);
    s.run('clearances:give', { agendaItemId: pna.id, key: 'finance' });
    expect(messagesDue(s.state.data, '2025-05-20', holidays, new Set(asked.map((m) => m.key))).filter((m) => m.kind === 'clearance-request')).toEqual([]);
    s.run('paper:updateBody', { agendaItemId: pna.id, body: 'The assessment finds a gap in Eastfield.' });
    const again = messagesDue(s.state.data, '2025-05-20', holidays, new Set(asked.map((m) => m.key))).filter((m) => m.kind === 'clearance-request');
    expect(again.map((m) => m.body)).toEqual([expect.stringContaining('its text has changed since you last cleared it')]);
  });

  it('sends the circulation notice to the members once a whole pack is saved, naming Part 2 items by their public titles', async () => {
    const { exampleData } = await import('../../docxPackage');
    const data = exampleData();
    const stamp = (await import('../../docxPackage')).stamp;
    const build = stamp({ id: 'packBuild:b1', type: 'packBuild', meetingId: 'meeting:ct-next', variant: 'full', fileName: 'Children’s Trust 2026-12-15 board pack (full).docx', filePath: '/tmp/x.docx', bytes: 1, sha256: '0'.repeat(64), builtAt: '2026-12-04T10:00:00.000Z', warnings: 0 });
    const withPack = { records: { ...data.records, [build.id]: build } };
    const [notice] = messagesDue(withPack as never, '2026-12-04', holidays, new Set()).filter((m) => m.kind === 'circulation-notice');
    expect(notice.subject).toBe('Papers for the Eastmere Children’s Trust Board, Tuesday 15 December 2026');
    expect(notice.to.length).toBeGreaterThan(3);
    expect(notice.body).toContain('Children’s Trust 2026-12-15 board pack (full).docx');
    // A Part 2 item given a public title is listed by it, never by its working title.
    const exempt = Object.values(withPack.records).find((r) => r.type === 'agendaItem' && r.meetingId === 'meeting:ct-next' && r.part2)!;
    const secret = { ...exempt, title: 'Placement breakdown of child R at Provider K', part2: { ...(exempt as { part2: object }).part2, publicTitle: 'Residential placement (exempt)' } };
    const [named] = messagesDue({ records: { ...withPack.records, [exempt.id]: secret } } as never, '2026-12-04', holidays, new Set()).filter((m) => m.kind === 'circulation-notice');
    expect(named.body).toContain('Residential placement (exempt)');
    expect(named.body).not.toContain('Provider K');
  });

  it('records a message sent once, and refuses to record it sent again, in the operation itself', () => {
    const { s } = partnership();
    const [m] = messagesDue(s.state.data, '2025-05-19', holidays, new Set());
    const message = { key: m.key, kind: m.kind, to: m.to, subject: m.subject, body: m.body, dueOn: m.dueOn, about: m.about };
    s.run('outbox:recordOutcome', { message, sent: { at: '2025-05-19T09:00:00.000Z', via: 'smtp', server: 'mail:587' } });
    expect(messagesDue(s.state.data, '2025-05-19', holidays, new Set(listRecords(s.state.data, 'message').filter((x) => x.status === 'sent').map((x) => x.key)))).toEqual([]);
    expect(() => s.run('outbox:recordOutcome', { message, sent: { at: '2025-05-19T09:05:00.000Z', via: 'smtp' } })).toThrow(/was sent already; it is never sent twice/);
  });

  it('sends a written resolution to each voter when its window opens, and reminds only those yet to reply', async () => {
    const { exampleData } = await import('../../docxPackage');
    const { fixedContext: at } = await import('../../helpers');
    const state = { data: exampleData() };
    const run = (name: MutationName, input: unknown, day = '2026-11-23') => void (state.data = applyCommand(state.data, name, input, at(`${day}T09:00:00.000Z`)).data);
    const tor = state.data.records['tor:safeguarding-v1'] as Extract<(typeof state.data.records)[string], { type: 'tor' }>;
    const { id: _i, type: _t, schemaVersion: _s, rev: _r, updatedAt: _u, updatedBy: _b, boardId, version: _v, status: _st, approval: _a, ...fields } = tor;
    run('tor:saveDraft', { boardId, ...fields, writtenResolutions: true });
    const draft = listRecords(state.data, 'tor').find((t) => t.boardId === boardId && t.status === 'draft')!;
    run('tor:approve', { torId: draft.id, date: '2026-11-20', minuteRef: 'SCP/9' });
    run('decisions:propose', { boardId, title: 'Adopt the neglect strategy', text: 'The partners adopt the neglect strategy 2027–2030.', voterPersonIds: ['person:sarah-whitcombe', 'person:mark-ellery'], opensOn: '2026-11-23', closesOn: '2026-11-27', reminderDates: ['2026-11-25'] });
    const d = listRecords(state.data, 'decision')[0];
    const sent = messagesDue(state.data, '2026-11-23', holidays, new Set()).filter((m) => m.about.includes(d.id));
    expect(sent.map((m) => m.to[0].name).sort()).toEqual(['DCI Mark Ellery', 'Sarah Whitcombe']);
    expect(sent[0].body).toContain('The partners adopt the neglect strategy 2027–2030.');
    expect(sent[0].body).toContain('by Friday 27 November 2026');
    run('decisions:reply', { decisionId: d.id, personId: 'person:sarah-whitcombe', vote: 'for', receivedOn: '2026-11-24' }, '2026-11-24');
    const reminders = messagesDue(state.data, '2026-11-25', holidays, new Set(sent.map((m) => m.key))).filter((m) => m.kind === 'resolution-reminder');
    expect(reminders.map((m) => m.to[0].name)).toEqual(['DCI Mark Ellery']);
    // After the window, nothing more about it is written.
    expect(messagesDue(state.data, '2026-11-30', holidays, new Set()).filter((m) => m.about.includes(d.id))).toEqual([]);
  });
});
