import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/clock';
import { emptyData, listRecords, recordsWhere, type StoreData } from '../../../shared/data';
import { applyCommand } from '../../../shared/operations/apply';
import { caseRegister } from '../../../shared/features/statutory';
import type { MutationName } from '../../../shared/operations';
import type { CommandContext } from '../../../shared/kernel/operation';
import { bankHolidays } from '../../../main/services/holidays';
import { addWorkingDays, clearDaysBefore, obligationsOf, type DueObligation } from '../../../shared/rules/obligations';
import { paperDeadline } from '../../../shared/rules/dates';
import { OBLIGATION_TEMPLATES } from '../../../shared/rules/obligationTemplates';
import { firstTorFields } from '../../../shared/rules/torDraft';
import { assemblePack } from '../../../shared/pack/model';
import { decisionsCsv } from '../../../shared/exports/decisionsCsv';
import { buildSite } from '../../../shared/publish/site';
import { meetingDocument } from '../../../shared/exports/meetingExports';
import { QuorumFailure } from '../../../shared/result';

const holidays = bankHolidays(2023, 2027);

describe('the clocks count as the rules do', () => {
  it('a notification on Friday 20 December 2024 gives a rapid review due Wednesday 15 January 2025 (Christmas, Boxing Day and New Year skipped)', () => {
    expect(addWorkingDays('2024-12-20', 15, holidays)).toBe('2025-01-15');
  });
  it('a meeting on Tuesday 10 June 2025 needs its papers out by Monday 2 June and its private-meeting notice by Monday 12 May', () => {
    expect(paperDeadline('2025-06-10', 5, holidays)).toBe('2025-06-02');
    expect(clearDaysBefore('2025-06-10', 28)).toBe('2025-05-12');
  });
});

describe('each template states its own figure and cites its source', () => {
  const UNIT_PATTERN: Record<string, RegExp> = {
    'working-days': /\b(\d+) working days?\b/,
    'clear-working-days-before': /\b(\d+) clear working days?\b/,
    'clear-days-before': /\b(\d+) clear days?\b/,
    'days-before': /\b(\d+) days?\b/,
    months: /\b(\d+) months?\b/,
  };
  for (const t of OBLIGATION_TEMPLATES.filter((x) => x.clock.kind !== 'dated'))
    it(`${t.key}: “${t.rule}”`, () => {
      const m = UNIT_PATTERN[t.unit].exec(t.rule);
      expect(m, `the rule's words state the figure in ${t.unit}`).not.toBeNull();
      expect(Number(m![1])).toBe(t.figure);
      expect(t.source).toMatch(/Act \d{4}|Regulations \d{4}|Working Together to Safeguard Children 2023/);
      expect(t.source).toMatch(/s\.\d|reg \d|chapter \d|Schedule/);
    });
  it('the Better Care Fund, whose dates come from the year’s national requirements, asks for them instead', () => {
    const bcf = OBLIGATION_TEMPLATES.find((t) => t.key === 'hwb.better-care-fund')!;
    expect(bcf.rule).toMatch(/enter them/);
  });
});

/** A secretariat working through the days: each command on its own date, ids counted across them. */
const office = () => {
  let n = 0;
  const state = { data: emptyData() as StoreData, today: '2024-12-02' };
  const ctx = (): CommandContext => ({ ...fixedClock(`${state.today}T10:00:00.000Z`), user: 'officer', newId: (type) => `${type}:s${++n}` as never });
  const run = (name: MutationName, input: unknown) => {
    const r = applyCommand(state.data, name, input, ctx());
    state.data = r.data;
    return r.journal;
  };
  const refused = (name: MutationName, input: unknown): QuorumFailure => {
    try {
      run(name, input);
    } catch (e) {
      if (e instanceof QuorumFailure) return e;
      throw e;
    }
    throw new Error(`${name} was not refused`);
  };
  const obligations = (boardId?: string): DueObligation[] => obligationsOf(state.data, state.today, holidays, boardId as never);
  return { state, run, refused, obligations };
};

/** From empty, as the dashboard suggests: partnership, organisations, people, boards, terms of reference, meetings. */
const setUpFromEmpty = (writtenResolutions: boolean) => {
  const o = office();
  o.run('partnership:setUp', { name: 'Harrowfield Partnership' });
  o.run('organisations:add', { name: 'Harrowfield Council', kind: 'council' });
  o.run('organisations:add', { name: 'Harrowfield Police', kind: 'police' });
  o.run('organisations:add', { name: 'Harrowfield ICB', kind: 'health' });
  const org = (name: string) => listRecords(o.state.data, 'organisation').find((x) => x.name === name)!.id;
  const people = [
    ['Dana Whitlock', 'Harrowfield Council', 'Director of Children’s Services'],
    ['Omar Pryce', 'Harrowfield Police', 'Detective Superintendent'],
    ['Ines Carbery', 'Harrowfield ICB', 'Chief Nurse'],
    ['Theo Marsh', 'Harrowfield Council', 'Director of Public Health'],
    ['Rhona Tull', 'Harrowfield Council', 'Cabinet Member for Health'],
  ] as const;
  for (const [name, o2, jobTitle] of people) o.run('people:add', { name, jobTitle, organisationId: org(o2), email: `${name.split(' ')[0].toLowerCase()}@harrowfield.example`, phone: '' });
  const person = (name: string) => listRecords(o.state.data, 'person').find((p) => p.name === name)!.id;
  o.run('boards:add', { name: 'Harrowfield Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference' });
  o.run('boards:add', { name: 'Harrowfield Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
  const board = (short: string) => listRecords(o.state.data, 'board').find((b) => b.shortName === short)!.id;
  const scp = board('Safeguarding Partnership');
  const hwb = board('Health and Wellbeing Board');
  const seat = (key: string, name: string, role: string) => ({ key, role, organisationId: listRecords(o.state.data, 'person').find((p) => p.name === name)!.organisationId, personId: person(name), deputyAllowed: true, voting: true });
  o.run('tor:saveDraft', {
    boardId: scp,
    ...firstTorFields(o.state.today),
    members: [seat('la', 'Dana Whitlock', 'Local authority partner'), seat('police', 'Omar Pryce', 'Police partner'), seat('icb', 'Ines Carbery', 'ICB partner')],
    chairMemberKey: 'la',
    quorum: { requireChairOrVice: false, minMembers: 2, minAgencies: 2, text: 'Two of the three safeguarding partners' },
    writtenResolutions,
  });
  o.run('tor:saveDraft', {
    boardId: hwb,
    ...firstTorFields(o.state.today),
    members: [seat('chair', 'Rhona Tull', 'Chair'), seat('dph', 'Theo Marsh', 'Director of Public Health'), seat('icb', 'Ines Carbery', 'ICB')],
    chairMemberKey: 'chair',
    writtenResolutions: true,
  });
  for (const b of [scp, hwb]) o.run('tor:approve', { torId: listRecords(o.state.data, 'tor').find((t) => t.boardId === b)!.id, date: '2024-11-01', minuteRef: '' });
  o.run('meetings:create', { boardId: scp, date: '2024-12-10', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre' });
  o.run('meetings:create', { boardId: scp, date: '2025-02-04', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre' });
  o.run('meetings:create', { boardId: hwb, date: '2025-02-11', startTime: '14:00', endTime: '16:00', venue: 'Civic Centre' });
  return { ...o, scp, hwb, person };
};

describe('a Safeguarding Partnership set up from empty: a serious incident between meetings', () => {
  it('opens the case with no child named, counts the notification and the rapid review, and finds no meeting before the deadline', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2024-12-16';
    o.run('cases:open', { boardId: o.scp, kind: 'serious-incident-notification', startsOn: '2024-12-13' });
    const c = listRecords(o.state.data, 'case')[0];
    expect(c.reference).toBe('SIN-2024-01');
    const steps = o.obligations(o.scp).filter((x) => x.caseId === c.id);
    expect(steps.map((s) => [s.key, s.dueOn, s.status])).toEqual([
      ['sin.notification', '2024-12-20', 'due'],
      ['sin.rapid-review', '2025-01-15', 'due'],
    ]);
    // Notified on the Friday: the rapid review counts 15 working days from that day.
    o.state.today = '2024-12-20';
    o.run('cases:step', { caseId: c.id, key: 'sin.notification', on: '2024-12-20' });
    const rapid = o.obligations(o.scp).find((x) => x.key === 'sin.rapid-review')!;
    expect(rapid.dueOn).toBe('2025-01-15');
    expect(rapid.source).toContain('Working Together to Safeguard Children 2023');
    // The next meeting (4 February) is after the deadline: the ToR's written resolution is the lawful route.
    expect(rapid.decision).toMatchObject({ route: 'written-resolution' });
    expect(rapid.decision!.words).toContain('No meeting of the board falls before 15 January 2025');
  });

  it('takes the decision by written resolution: voters from the ToR, replies in the window, the quorum on the replies, and a ratification item in the next pack', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2024-12-20';
    o.run('cases:open', { boardId: o.scp, kind: 'serious-incident-notification', startsOn: '2024-12-13' });
    const c = listRecords(o.state.data, 'case')[0];
    o.run('cases:step', { caseId: c.id, key: 'sin.notification', on: '2024-12-20' });
    // Not a voting member: refused by the operation itself.
    expect(o.refused('decisions:propose', { boardId: o.scp, title: 'x', text: 'x', voterPersonIds: [o.person('Theo Marsh')], opensOn: '2025-01-06', closesOn: '2025-01-10' }).message).toMatch(/Only voting members/);
    o.state.today = '2025-01-06';
    o.run('decisions:propose', {
      boardId: o.scp,
      caseId: c.id,
      title: `Rapid review ${c.reference}: commission a local child safeguarding practice review`,
      text: 'The partners agree the rapid review and commission a local child safeguarding practice review.',
      voterPersonIds: [o.person('Dana Whitlock'), o.person('Omar Pryce'), o.person('Ines Carbery')],
      opensOn: '2025-01-06',
      closesOn: '2025-01-10',
      reminderDates: ['2025-01-08'],
    });
    const d = listRecords(o.state.data, 'decision')[0];
    o.state.today = '2025-01-07';
    o.run('decisions:reply', { decisionId: d.id, personId: o.person('Dana Whitlock'), vote: 'for', receivedOn: '2025-01-07' });
    expect(o.refused('decisions:reply', { decisionId: d.id, personId: o.person('Dana Whitlock'), vote: 'against', receivedOn: '2025-01-07' }).message).toMatch(/already replied/);
    expect(o.refused('decisions:close', { decisionId: d.id }).message).toMatch(/window is open until the end of 10 January 2025/);
    o.state.today = '2025-01-09';
    o.run('decisions:reply', { decisionId: d.id, personId: o.person('Omar Pryce'), vote: 'for', receivedOn: '2025-01-09' });
    o.state.today = '2025-01-13';
    expect(o.refused('decisions:reply', { decisionId: d.id, personId: o.person('Ines Carbery'), vote: 'for', receivedOn: '2025-01-13' }).message).toMatch(/does not count/);
    o.run('decisions:close', { decisionId: d.id });
    const closed = listRecords(o.state.data, 'decision')[0];
    expect(closed.written!.outcome).toMatchObject({ result: 'carried' });
    expect(closed.written!.outcome!.summary).toBe('Carried: 2 for, 0 against, 0 abstaining; 2 of 3 voting members replied.');
    // The rapid review's decision is met on the day the window closed.
    expect(o.obligations(o.scp).find((x) => x.key === 'sin.rapid-review')).toMatchObject({ status: 'met', metOn: '2025-01-10' });
    // Reported to the next meeting: its agenda, drafted now, carries the item with the decision; the pack prints it.
    const feb = listRecords(o.state.data, 'meeting').find((m) => m.date === '2025-02-04')!;
    expect(closed.reportedToMeetingId).toBe(feb.id);
    o.run('agenda:draft', { meetingId: feb.id });
    const item = recordsWhere(o.state.data, 'agendaItem', 'meetingId', feb.id).find((i) => i.decisionsReport === 'public')!;
    expect(item.title).toBe('Decisions taken since the last meeting');
    expect(item.paper!.body).toContain('commission a local child safeguarding practice review');
    expect(item.minutes).toMatch(/RESOLVED: That the decisions taken since the last meeting be noted and ratified/);
    const pack = JSON.stringify(assemblePack(o.state.data, feb.id, 'public', o.state.today));
    expect(pack).toContain('Carried: 2 for, 0 against');
  });

  it('a written resolution that too few answer is not quorate under the ToR, and nothing is ratified as decided', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2025-01-06';
    o.run('decisions:propose', { boardId: o.scp, title: 'Adopt the neglect strategy', text: 'Adopt it.', voterPersonIds: [o.person('Dana Whitlock'), o.person('Omar Pryce'), o.person('Ines Carbery')], opensOn: '2025-01-06', closesOn: '2025-01-08' });
    const d = listRecords(o.state.data, 'decision')[0];
    o.run('decisions:reply', { decisionId: d.id, personId: o.person('Omar Pryce'), vote: 'for', receivedOn: '2025-01-06' });
    o.state.today = '2025-01-09';
    o.run('decisions:close', { decisionId: d.id });
    expect(listRecords(o.state.data, 'decision')[0].written!.outcome).toMatchObject({ result: 'not-quorate' });
    expect(listRecords(o.state.data, 'decision')[0].written!.outcome!.summary).toMatch(/do not make a quorum/);
  });

  it('a board whose ToR does not allow written resolutions is told to call a meeting', () => {
    const o = setUpFromEmpty(false);
    o.state.today = '2025-01-06';
    const e = o.refused('decisions:propose', { boardId: o.scp, title: 'x', text: 'x', voterPersonIds: [o.person('Dana Whitlock')], opensOn: '2025-01-06', closesOn: '2025-01-08' });
    expect(e.message).toMatch(/call an extraordinary meeting/);
  });

  it('case records name no child: the reference is all the register holds', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2024-12-16';
    o.run('cases:open', { boardId: o.scp, kind: 'serious-incident-notification', startsOn: '2024-12-13', reference: 'SIN 24/07' });
    const env = { today: o.state.today, holidays, hasImage: () => false };
    const register = caseRegister.view(o.state.data, {}, env);
    expect(register.map((r) => r.reference)).toEqual(['SIN 24/07']);
    expect(Object.keys(listRecords(o.state.data, 'case')[0]).sort()).toEqual(['boardId', 'id', 'kind', 'reference', 'rev', 'schemaVersion', 'startsOn', 'steps', 'type', 'updatedAt', 'updatedBy']);
    // A Health and Wellbeing Board runs no serious incident cases.
    expect(o.refused('cases:open', { boardId: o.hwb, kind: 'serious-incident-notification', startsOn: '2024-12-13' }).message).toMatch(/belongs to a safeguarding children partnership/);
  });
});

describe('a Health and Wellbeing Board under council rules', () => {
  it('cannot decide by written resolution, even with a ToR that says it may: a council committee decides at a meeting', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2025-01-06';
    const e = o.refused('decisions:propose', { boardId: o.hwb, title: 'Approve the PNA', text: 'Approve.', voterPersonIds: [o.person('Rhona Tull')], opensOn: '2025-01-06', closesOn: '2025-01-08' });
    expect(e.message).toMatch(/Local Government Act 1972 s\.101/);
    expect(e.message).toMatch(/urgent decision by a named officer in consultation with the chair/);
  });

  it('takes an urgent decision by a named officer with the chair consulted; a key decision needs the special-urgency agreement; a Part 2 one stays out of the public pack', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2025-01-20';
    const base = { boardId: o.hwb, title: 'Extend the pharmaceutical needs assessment consultation', text: 'Extend the consultation to 60 days.', officerPersonId: o.person('Theo Marsh'), reasons: 'The consultation must open before the next meeting.', takenOn: '2025-01-20' };
    expect(o.refused('decisions:urgent', { ...base, consulted: [{ personId: o.person('Ines Carbery'), on: '2025-01-17', role: 'ICB' }] }).message).toMatch(/the chair named in the terms of reference is not among those consulted/);
    const consulted = [{ personId: o.person('Rhona Tull'), on: '2025-01-17', role: 'Chair of the board' }];
    expect(o.refused('decisions:urgent', { ...base, consulted, keyDecision: true }).message).toMatch(/2012 Regulations reg 11/);
    o.run('decisions:urgent', { ...base, consulted });
    o.run('decisions:urgent', { ...base, title: 'Award the pharmacy contract to Provider K', text: 'Award to Provider K at £1.2m.', consulted, keyDecision: true, specialUrgency: { agreedBy: 'Chair of the Health Scrutiny Committee', on: '2025-01-17' }, part2: { paragraph: 3, reason: 'Commercial terms of a named provider' } });
    const feb = listRecords(o.state.data, 'meeting').find((m) => m.date === '2025-02-11')!;
    o.run('agenda:draft', { meetingId: feb.id });
    const items = recordsWhere(o.state.data, 'agendaItem', 'meetingId', feb.id);
    expect(items.filter((i) => i.decisionsReport).map((i) => [i.decisionsReport, Boolean(i.part2)])).toEqual(expect.arrayContaining([['public', false], ['part2', true]]));
    const publicPack = JSON.stringify(assemblePack(o.state.data, feb.id, 'public', o.state.today));
    expect(publicPack).toContain('Extend the consultation to 60 days');
    expect(publicPack).toContain('in consultation with Rhona Tull (Chair of the board)');
    expect(publicPack).not.toContain('Provider K');
    const fullPack = JSON.stringify(assemblePack(o.state.data, feb.id, 'full', o.state.today));
    expect(fullPack).toContain('Award to Provider K');
    expect(fullPack).toContain('Chair of the Health Scrutiny Committee agreed on 17 January 2025');
    // Nor in the public CSV, the public draft minutes or the website; the full CSV has it.
    const publicCsv = decisionsCsv(o.state.data, 'public');
    expect(publicCsv).toContain('Extend the consultation to 60 days');
    expect(publicCsv).not.toContain('Provider K');
    expect(publicCsv).toContain('"Exempt information (Schedule 12A, paragraph 3)"');
    expect(decisionsCsv(o.state.data, 'full')).toContain('Award to Provider K at £1.2m.');
    expect(JSON.stringify(meetingDocument(o.state.data, 'minutes', { meetingId: feb.id, variant: 'public', today: o.state.today }))).toContain('RESOLVED: That the decisions taken since the last meeting be noted and ratified');
    expect(JSON.stringify(meetingDocument(o.state.data, 'minutes', { meetingId: feb.id, variant: 'public', today: o.state.today }))).not.toContain('Provider K');
    expect(JSON.stringify(buildSite(o.state.data, { today: o.state.today, holidays }))).not.toContain('Provider K');
  });

  it('lists its council notices before each meeting and its statutory duties, each with its source', () => {
    const o = setUpFromEmpty(true);
    o.state.today = '2025-01-06';
    const list = o.obligations(o.hwb);
    const papers = list.find((x) => x.key === 'council.papers')!;
    expect(papers).toMatchObject({ meetingDate: '2025-02-11', dueOn: '2025-02-03', status: 'due' });
    expect(papers.source).toContain('Local Government Act 1972 s.100B');
    expect(list.find((x) => x.key === 'hwb.pna')).toMatchObject({ status: 'not-set', dueOn: null });
    o.run('obligations:met', { boardId: o.hwb, key: 'hwb.pna', on: '2022-09-30' });
    expect(o.obligations(o.hwb).find((x) => x.key === 'hwb.pna')).toMatchObject({ dueOn: '2025-09-30', status: 'due' });
    expect(o.obligations(o.hwb).find((x) => x.key === 'hwb.pna-consultation')).toMatchObject({ dueOn: '2025-08-01' });
    // A stricter local rule is the board's to set; a looser one than the law is refused.
    expect(o.refused('obligations:set', { boardId: o.hwb, key: 'council.papers', figure: 3 }).message).toMatch(/never a looser one/);
    o.run('obligations:set', { boardId: o.hwb, key: 'council.papers', figure: 7 });
    expect(o.obligations(o.hwb).find((x) => x.key === 'council.papers')).toMatchObject({ dueOn: '2025-01-30', figure: 7 });
  });
});
