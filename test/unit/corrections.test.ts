import { describe, expect, it } from 'vitest';
import { listRecords, type StoreData } from '../../shared/data';
import { currentTor } from '../../shared/rules/boards';
import { meetingView } from '../../shared/rules/meetingView';
import { addDays } from '../../shared/rules/dates';
import { exampleData } from '../docxPackage';
import { commandSession, TEST_TODAY } from '../helpers';

const CT = 'board:childrens-trust' as const;
const heldMeeting = (data: StoreData) => listRecords(data, 'meeting').find((m) => m.id === 'meeting:ct-held')!;
const torFieldsOf = (data: StoreData) => {
  const { purpose, responsibilities, members, chairMemberKey, viceChairMemberKey, quorum, meetingsPerYear, deepDivesPerMeeting, paperDeadlineWorkingDays, reportsToBoardIds, permissions, reviewDate } = currentTor(data, CT)!;
  return { purpose, responsibilities, members, chairMemberKey, viceChairMemberKey, quorum, meetingsPerYear, deepDivesPerMeeting, paperDeadlineWorkingDays, reportsToBoardIds, permissions, reviewDate };
};

describe('attendance that cannot lose a member', () => {
  const setUp = () => {
    const s = commandSession(exampleData());
    const meeting = heldMeeting(s.state.data);
    const view = meetingView(s.state.data, meeting.id, TEST_TODAY, new Set());
    const present = view.roster.find((r) => r.status === 'present' && r.memberKey)!;
    const absent = view.roster.find((r) => r.status === 'apologies' && r.memberKey && currentTor(s.state.data, CT)!.members.find((m) => m.key === r.memberKey)?.deputyAllowed)!;
    return { s, meeting, present, absent };
  };

  it('refuses to make a present member the substitute for an absent one, and changes nothing', () => {
    const { s, meeting, present, absent } = setUp();
    const before = s.state.data;
    expect(() => s.run('attendance:set', { meetingId: meeting.id, personId: present.personId, status: 'present', inPlaceOfPersonId: absent.personId })).toThrow(
      new RegExp(`${present.name} holds the seat of .* so cannot also attend in place of ${absent.name}`),
    );
    expect(s.state.data).toBe(before);
    expect(meetingView(s.state.data, meeting.id, TEST_TODAY, new Set()).roster.find((r) => r.personId === present.personId)).toMatchObject({ status: 'present' });
  });

  it('removing a substitute never removes the member’s own attendance (a record made before the rule)', () => {
    const { s, meeting, present, absent } = setUp();
    // As an earlier version stored it: the present member moved into the absent member's seat.
    const row = listRecords(s.state.data, 'attendance').find((a) => a.meetingId === meeting.id && a.personId === present.personId)!;
    s.state.data = { records: { ...s.state.data.records, [row.id]: { ...row, inPlaceOfPersonId: absent.personId, memberKey: absent.memberKey ?? undefined } } };
    const journal = s.run('attendance:remove', { attendanceId: row.id });
    expect(journal.summary).toMatch(/still present in their own seat/);
    const view = meetingView(s.state.data, meeting.id, TEST_TODAY, new Set());
    expect(view.roster.find((r) => r.personId === present.personId)).toMatchObject({ status: 'present', memberKey: present.memberKey });
  });
});

describe('history by date: a meeting is judged against the terms of reference in force on its day', () => {
  it('keeps a held meeting’s quorum when a later version adds a seat, and a version approved for a future date takes force only then', () => {
    const s = commandSession(exampleData());
    const meeting = heldMeeting(s.state.data);
    const before = meetingView(s.state.data, meeting.id, TEST_TODAY, new Set()).quorum!;
    const fields = torFieldsOf(s.state.data);
    const extra = { key: 'added-seat', role: 'Head of Early Help', organisationId: fields.members[0].organisationId, deputyAllowed: true, voting: true };
    s.run('tor:saveDraft', { boardId: CT, ...fields, members: [...fields.members, extra] });
    const v2 = listRecords(s.state.data, 'tor').find((t) => t.boardId === CT && t.status === 'draft')!;
    s.run('tor:approve', { torId: v2.id, date: TEST_TODAY, minuteRef: 'CT/9' });
    expect(meetingView(s.state.data, meeting.id, TEST_TODAY, new Set()).quorum).toMatchObject({ total: before.total, counted: before.counted });
    expect(currentTor(s.state.data, CT, TEST_TODAY)!.members).toHaveLength(fields.members.length + 1);

    const later = addDays(TEST_TODAY, 60);
    s.run('tor:saveDraft', { boardId: CT, ...torFieldsOf(s.state.data), quorum: { ...fields.quorum, minAgencies: 5 } });
    const v3 = listRecords(s.state.data, 'tor').find((t) => t.boardId === CT && t.status === 'draft')!;
    s.run('tor:approve', { torId: v3.id, date: later, minuteRef: 'CT/10' });
    expect(currentTor(s.state.data, CT, TEST_TODAY)!.version).toBe(v2.version);
    expect(currentTor(s.state.data, CT, later)!.version).toBe(v3.version);
  });
});

describe('approved minutes stay the board’s record', () => {
  const approved = 'meeting:ct-held' as const;
  const laterMeeting = 'meeting:ct-next' as const;
  /** The example with the held meeting's minutes approved at the next meeting, as the board would. */
  const withApprovedMinutes = () => {
    const s = commandSession(exampleData());
    if (!listRecords(s.state.data, 'agendaItem').some((i) => i.meetingId === laterMeeting)) s.run('agenda:draft', { meetingId: laterMeeting });
    const at = listRecords(s.state.data, 'agendaItem').find((i) => i.meetingId === laterMeeting && i.standing === 'minutes')!;
    s.run('minutes:approve', { meetingId: approved, atAgendaItemId: at.id, minuteRef: 'CT/20', confirmed: true });
    return s;
  };

  it('refuses edits to approved minutes, resolutions, attendance and declarations, naming the way to correct them', () => {
    const s = withApprovedMinutes();
    const before = s.state.data;
    const item = listRecords(before, 'agendaItem').find((i) => i.meetingId === approved && !i.standing)!;
    const person = listRecords(before, 'person')[0];
    const attempts: [Parameters<typeof s.run>[0], unknown][] = [
      ['minutes:update', { agendaItemId: item.id, minutes: 'Rewritten after the event.' }],
      ['resolutions:add', { agendaItemId: item.id, text: 'A resolution nobody made.' }],
      ['attendance:set', { meetingId: approved, personId: person.id, status: 'present' }],
      ['declarations:add', { meetingId: approved, personId: person.id, interest: 'Late declaration' }],
      ['actions:raise', { agendaItemId: item.id, text: 'An action nobody agreed', ownerPersonId: person.id, dueDate: '2027-01-31' }],
    ];
    for (const [name, input] of attempts) expect(() => s.run(name, input), name).toThrow(/were approved at the meeting of .*; they change only through a recorded correction/);
    const resolution = listRecords(before, 'resolution').find((r) => r.meetingId === approved);
    if (resolution) expect(() => s.run('resolutions:remove', { resolutionId: resolution.id })).toThrow(/recorded correction/);
    expect(s.state.data).toBe(before);
  });

  it('records a correction agreed at a later meeting, changes the minute, and prints it with the minutes', async () => {
    const s = withApprovedMinutes();
    const item = listRecords(s.state.data, 'agendaItem').find((i) => i.meetingId === approved && !i.standing)!;
    expect(() => s.run('minutes:correct', { meetingId: approved, agendaItemId: item.id, minutes: 'x', change: 'c', reason: 'r', agreedAtMeetingId: approved, minuteRef: '' })).toThrow(/agreed at a later meeting/);
    const journal = s.run('minutes:correct', {
      meetingId: approved,
      agendaItemId: item.id,
      minutes: `${item.minutes}\n\nThe audit covered 40 cases.`,
      change: 'The audit covered 40 cases, not 14.',
      reason: 'A typing error in the draft.',
      agreedAtMeetingId: laterMeeting,
      minuteRef: 'CT/21',
    });
    expect(journal.summary).toMatch(/^Corrected the approved minutes of .* \(agreed at the meeting of .*\): The audit covered 40 cases, not 14\. because A typing error/);
    const { buildWordExport } = await import('../../shared/exports/meetingExports');
    const { readPackage } = await import('../docxPackage');
    const { bytes } = await buildWordExport(s.state.data, 'minutes', { meetingId: approved, variant: 'full', today: TEST_TODAY, builtAt: '2026-11-23T09:00:00.000Z' });
    const text = readPackage(bytes).text;
    expect(text).toMatch(/Corrections agreed since approval/);
    expect(text).toMatch(/Agreed at the meeting of 15 December 2026 \(minute CT\/21\), on “.+”: The audit covered 40 cases, not 14\. Reason: A typing error in the draft\./);
    expect(text).toContain('The audit covered 40 cases.');
  });
  it('corrects who attended through a recorded correction: the minutes’ Present list follows, and the correction is printed', async () => {
    const s = withApprovedMinutes();
    const { meetingMinutes } = await import('../../shared/pack/model');
    const meeting = () => listRecords(s.state.data, 'meeting').find((m) => m.id === approved)!;
    const apologies = listRecords(s.state.data, 'attendance').find((a) => a.meetingId === approved && a.status === 'apologies' && !a.inPlaceOfPersonId)!;
    const who = listRecords(s.state.data, 'person').find((p) => p.id === apologies.personId)!;
    const present = () => meetingMinutes(s.state.data, meeting(), 'full').present.join('; ');
    expect(present()).not.toContain(who.name);
    s.run('minutes:correct', { meetingId: approved, attendance: { personId: who.id, status: 'present' }, change: `${who.name} was present, not an apology.`, reason: 'She arrived during item 3.', agreedAtMeetingId: laterMeeting, minuteRef: 'CT/21' });
    expect(present()).toContain(who.name);
    expect(meeting().corrections?.at(-1)).toMatchObject({ change: `${who.name} was present, not an apology.`, agreedAtMeetingId: laterMeeting });
    // Someone recorded who was not there at all comes off the record, again only by a correction.
    const guest = listRecords(s.state.data, 'attendance').find((a) => a.meetingId === approved && a.status === 'present' && a.personId !== who.id)!;
    expect(() => s.run('attendance:remove', { attendanceId: guest.id })).toThrow(/recorded correction/);
    s.run('minutes:correct', { meetingId: approved, attendance: { personId: guest.personId, status: 'not-there' }, change: 'Recorded in error.', reason: 'Sent apologies by email.', agreedAtMeetingId: laterMeeting, minuteRef: '' });
    expect(listRecords(s.state.data, 'attendance').some((a) => a.id === guest.id)).toBe(false);
    expect(meeting().corrections).toHaveLength(2);
  });
});

describe('putting things right', () => {
  it('cancels a meeting with why: kept in the list, out of the planner, the counts and the packs; a mistaken empty one can be deleted', async () => {
    const s = commandSession(exampleData());
    const { plannerView } = await import('../../shared/rules/planView');
    const { planFindings } = await import('../../shared/rules/planChecks');
    const { listMeetings } = await import('../../shared/features/meetings');
    const { preflight } = await import('../../shared/pack/preflight');
    const env = { today: TEST_TODAY, holidays: new Set<string>(), hasImage: () => true };
    const third = 'meeting:ct-third' as const;
    expect(plannerView(s.state.data, CT, TEST_TODAY, new Set()).meetings.map((m) => m.id)).toContain(third);
    expect(() => s.run('meetings:cancel', { meetingId: 'meeting:ct-held', reason: 'x' })).toThrow(/has been held; its record stays/);
    const journal = s.run('meetings:cancel', { meetingId: third, reason: 'Not quorate: three partners sent apologies' });
    expect(journal.summary).toMatch(/^Cancelled the meeting Children’s Trust, .*: Not quorate/);
    expect(plannerView(s.state.data, CT, TEST_TODAY, new Set()).meetings.map((m) => m.id)).not.toContain(third);
    expect(planFindings(s.state.data, TEST_TODAY, new Set()).find((f) => f.kind === 'meetings-per-year-short' && f.boardId === CT)?.message).toMatch(/1 meeting planned in the next twelve months/);
    expect(listMeetings.view(s.state.data, {}, env).find((m) => m.id === third)).toMatchObject({ status: 'cancelled' });
    expect(preflight(s.state.data, third, 'public', TEST_TODAY, new Set(), () => true).problems.map((p) => p.code)).toContain('meeting-cancelled');
    // A meeting with business cannot be deleted; one planned by mistake can.
    expect(() => s.run('meetings:delete', { meetingId: 'meeting:ct-next' })).toThrow(/has \d+ agenda items.*cancel it instead/);
    s.run('meetings:create', { boardId: CT, date: '2027-02-02', startTime: '10:00', endTime: '11:00', venue: '' });
    const mistake = listRecords(s.state.data, 'meeting').find((m) => m.date === '2027-02-02')!;
    expect(s.run('meetings:delete', { meetingId: mistake.id }).summary).toMatch(/^Deleted the meeting .*planned by mistake/);
  });

  it('corrects an action’s due date and owner with why, as the journal says it', () => {
    const s = commandSession(exampleData());
    const action = listRecords(s.state.data, 'action').find((a) => a.status !== 'done')!;
    const owner = listRecords(s.state.data, 'person').find((p) => p.id !== action.ownerPersonId && !p.retiredOn)!;
    const journal = s.run('actions:update', { actionId: action.id, text: action.text, ownerPersonId: owner.id, dueDate: '2027-03-31', status: action.status, reason: 'The chair agreed more time', expectedRev: action.rev });
    expect(journal.summary).toMatch(new RegExp(`: owner to ${owner.name}, due date from .* to 31 March 2027 because The chair agreed more time$`));
  });

  it('withdraws a board’s sign-off with why; a version it made agreed goes back to consultation', () => {
    const s = commandSession(exampleData());
    const version = 'protocolVersion:boards-v1' as const;
    for (const boardId of ['board:childrens-trust', 'board:safeguarding', 'board:hwb'] as const)
      if (!listRecords(s.state.data, 'signOff').some((x) => x.protocolVersionId === version && x.boardId === boardId)) s.run('protocols:signOff', { protocolVersionId: version, boardId, date: TEST_TODAY, minuteRef: '', unansweredReason: 'Comments go to the annual review' });
    expect(listRecords(s.state.data, 'protocolVersion').find((v) => v.id === version)!.status).toBe('agreed');
    const hwb = listRecords(s.state.data, 'signOff').find((x) => x.protocolVersionId === version && x.boardId === 'board:hwb')!;
    const journal = s.run('protocols:withdrawSignOff', { signOffId: hwb.id, reason: 'Recorded against the wrong board' });
    expect(journal.summary).toMatch(/^Withdrew the Health and Wellbeing Board’s sign-off of version 1 .* because Recorded against the wrong board; the version is back in consultation$/);
    expect(listRecords(s.state.data, 'protocolVersion').find((v) => v.id === version)!.status).toBe('consultation');
  });
});

describe('the chair’s plan drives the agenda', () => {
  it('puts a theme scheduled for a drafted agenda on that agenda, prints its briefing with the item, and takes it off when moved away', async () => {
    const s = commandSession(exampleData());
    const { assemblePack } = await import('../../shared/pack/model');
    const next = 'meeting:ct-next' as const;
    if (!listRecords(s.state.data, 'agendaItem').some((i) => i.meetingId === next)) s.run('agenda:draft', { meetingId: next });
    s.run('dives:save', { boardId: CT, theme: 'Children missing education', whyNow: 'Numbers doubled this year.', linesOfEnquiry: [], evidence: [], presenterIds: [], outcomes: '', recommendations: [] });
    const dive = listRecords(s.state.data, 'deepDive').find((d) => d.theme === 'Children missing education')!;
    const journal = s.run('dives:schedule', { deepDiveId: dive.id, meetingId: next });
    expect(journal.summary).toMatch(/added “Deep dive: Children missing education” to that meeting’s agenda/);
    const item = listRecords(s.state.data, 'agendaItem').find((i) => i.deepDiveId === dive.id)!;
    expect(item).toMatchObject({ meetingId: next, title: 'Deep dive: Children missing education', paper: { status: 'requested' } });
    const pack = assemblePack(s.state.data, next, 'public', TEST_TODAY);
    expect(pack.deepDives.map((b) => [b.theme, b.agendaNumber])).toContainEqual(['Children missing education', expect.any(Number)]);
    s.run('dives:schedule', { deepDiveId: dive.id, meetingId: null });
    expect(listRecords(s.state.data, 'agendaItem').some((i) => i.deepDiveId === dive.id)).toBe(false);
    expect(assemblePack(s.state.data, next, 'public', TEST_TODAY).deepDives.map((b) => b.theme)).not.toContain('Children missing education');
  });
});

describe('Part 2 reaches the cover sheet', () => {
  it('marks a paper exempt when its item goes into Part 2 (and public when it comes out), and pre-flight flags a Part 2 paper still marked public', async () => {
    const s = commandSession(exampleData());
    const { preflight } = await import('../../shared/pack/preflight');
    const item = listRecords(s.state.data, 'agendaItem').find((i) => i.meetingId === 'meeting:ct-next' && !i.standing && !i.part2 && i.paper)!;
    s.run('agenda:setPartTwo', { agendaItemId: item.id, part2: { paragraph: 3, reason: 'Commercially sensitive tender prices' } });
    const moved = listRecords(s.state.data, 'agendaItem').find((i) => i.id === item.id)!;
    expect(moved.paper!.coverSheet.classification).toBe('exempt');
    // An item stored before this rule: Part 2, cover still public.
    s.state.data = { records: { ...s.state.data.records, [item.id]: { ...moved, paper: { ...moved.paper!, coverSheet: { ...moved.paper!.coverSheet, classification: 'public' } } } } };
    expect(preflight(s.state.data, 'meeting:ct-next', 'public', TEST_TODAY, new Set(), () => true).problems.map((p) => p.code)).toContain('part2-cover-public');
    s.run('agenda:setPartTwo', { agendaItemId: item.id, part2: null });
    expect(listRecords(s.state.data, 'agendaItem').find((i) => i.id === item.id)!.paper!.coverSheet.classification).toBe('public');
  });
});

describe('warnings, not silence', () => {
  it('says when a record looks wrong: a past meeting still planned, an action due before it was raised, a future-dated approval, too many or repeated deep dives, one without a lead or a briefing', async () => {
    const s = commandSession(exampleData());
    const { planFindings } = await import('../../shared/rules/planChecks');
    const kinds = () => planFindings(s.state.data, TEST_TODAY, new Set()).filter((f) => f.boardId === CT).map((f) => `${f.kind}: ${f.message}`);
    expect(kinds().filter((k) => /meeting-date-passed|action-due-before|recorded-in-future|deep-dives-over|theme-repeated|no-lead|briefing-empty/.test(k))).toEqual([]);

    // Each slip is asked about where it is typed (needs-confirmation, naming the date); confirmed, it is still shown on the dashboard.
    const meeting = { boardId: CT, date: '2026-11-02', startTime: '10:00', endTime: '11:00', venue: '' };
    expect(() => s.run('meetings:create', meeting)).toThrow(/^2 November 2026 has passed\. Check the date, or confirm you are recording a meeting already held\.$/);
    s.run('meetings:create', { ...meeting, confirmed: true });
    const item = listRecords(s.state.data, 'agendaItem').find((i) => i.meetingId === 'meeting:ct-held' && !i.standing)!;
    const owner = listRecords(s.state.data, 'person')[0];
    const action = { agendaItemId: item.id, text: 'Report back on the audit', ownerPersonId: owner.id, dueDate: '2020-01-31' };
    expect(() => s.run('actions:raise', action)).toThrow(/^The action is due on 31 January 2020, before the meeting of 13 October 2026 that raised it\. Check the date, or confirm it was due before the meeting\.$/);
    s.run('actions:raise', { ...action, confirmed: true });
    s.run('tor:saveDraft', { boardId: CT, ...torFieldsOf(s.state.data) });
    const draft = listRecords(s.state.data, 'tor').find((t) => t.boardId === CT && t.status === 'draft')!;
    s.run('tor:approve', { torId: draft.id, date: addDays(TEST_TODAY, 30), minuteRef: '' });
    for (const theme of ['Neglect', 'Neglect']) {
      s.run('dives:save', { boardId: CT, theme, whyNow: '', linesOfEnquiry: [], evidence: [], presenterIds: [], outcomes: '', recommendations: [] });
      const d = listRecords(s.state.data, 'deepDive').filter((x) => x.theme === theme && !x.meetingId)[0];
      s.run('dives:schedule', { deepDiveId: d.id, meetingId: 'meeting:ct-third' });
    }
    const found = kinds().join('\n');
    expect(found).toMatch(/meeting-date-passed: Children’s Trust: the meeting of 2 November 2026 is still shown as planned though its date has passed/);
    expect(found).toMatch(/action-due-before-raised: .*“Report back on the audit” is due on 31 January 2020, before the meeting that raised it/);
    expect(found).toMatch(/recorded-in-future: .*approval of version 2 of the terms of reference is dated 23 December 2026, in the future/);
    expect(found).toMatch(/deep-dives-over: .*2 deep dives scheduled; the terms of reference allow 1 a meeting/);
    expect(found).toMatch(/theme-repeated: .*“Neglect” is also the deep dive at/);
    expect(found).toMatch(/deep-dive-no-lead: .*the deep dive on “Neglect” has no lead/);
    expect(found).toMatch(/briefing-empty: .*the briefing for “Neglect” is empty/);

    // A sign-off dated before the partner comments it answers, and one said to be at a meeting on another day.
    s.run('protocols:signOff', { protocolVersionId: 'protocolVersion:boards-v1', boardId: CT, date: '2026-01-05', meetingId: 'meeting:ct-held', minuteRef: '', unansweredReason: 'Taken as read' });
    const signed = kinds().join('\n');
    expect(signed).toMatch(/signed-before-comments: .*sign-off of version 1 of the protocol is dated 5 January 2026, before 4 partner comments on it were made/);
    expect(signed).toMatch(/decided-at-other-meeting: .*sign-off of version 1 of the protocol is dated 5 January 2026 but recorded at the meeting of/);
  });
});

describe('messages in the officer’s words', () => {
  it('names a wrong field as the form labels it, never by its internal key', async () => {
    const s = commandSession(exampleData());
    expect(() => s.run('meetings:create', { boardId: CT, date: '2027-02-02', startTime: '15:00', endTime: '14:00', venue: '' })).toThrow(/^End time: The meeting must end after it starts$/);
    const action = listRecords(s.state.data, 'action')[0];
    expect(() => s.run('actions:update', { actionId: action.id, text: action.text, ownerPersonId: 'nobody', dueDate: '2027-13-01', status: action.status })).toThrow(/^Owner: Expected a person id; Due date: /);
  });
});

describe('partner comments are not lost with a new version', () => {
  it('keeps comments left unanswered on an agreed version in view on the next version until they are answered', async () => {
    const s = commandSession(exampleData());
    const { protocolView } = await import('../../shared/rules/protocolView');
    const v1 = 'protocolVersion:boards-v1' as const;
    const open = listRecords(s.state.data, 'protocolComment').filter((c) => c.protocolVersionId === v1 && !listRecords(s.state.data, 'commentResponse').some((r) => r.commentId === c.id));
    expect(open.length).toBeGreaterThan(0);
    for (const boardId of ['board:childrens-trust', 'board:safeguarding', 'board:hwb'] as const)
      s.run('protocols:signOff', { protocolVersionId: v1, boardId, date: TEST_TODAY, minuteRef: '', unansweredReason: 'Taken up in the next version' });
    const sections = listRecords(s.state.data, 'protocolVersion').find((v) => v.id === v1)!.sections;
    s.run('protocols:saveDraft', { protocolId: 'protocol:boards', sections: sections.map((x, i) => (i === 0 ? { ...x, body: `${x.body} Reviewed.` } : x)), changeSummary: 'Takes up the open comments' });
    const view = protocolView(s.state.data, 'protocol:boards');
    expect(view.versions[0].version).toBe(2);
    expect(view.versions[0].carriedOver).toEqual([{ version: 1, comments: expect.arrayContaining(open.map((c) => expect.objectContaining({ id: c.id, response: null }))) }]);
    s.run('protocols:respond', { commentId: open[0].id, outcome: 'accepted', response: 'Taken up in section 1.' });
    expect(protocolView(s.state.data, 'protocol:boards').versions[0].carriedOver[0]?.comments.map((c) => c.id) ?? []).not.toContain(open[0].id);
  });
});

describe('agreed and approved versions stay as they were', () => {
  it('keeps an approved ToR version unchanged when it is edited (a new draft is made) and refuses new comments on a superseded protocol version', () => {
    const s = commandSession(exampleData());
    const approved = currentTor(s.state.data, CT)!;
    s.run('tor:saveDraft', { boardId: CT, ...torFieldsOf(s.state.data), meetingsPerYear: 6 });
    expect(listRecords(s.state.data, 'tor').find((t) => t.id === approved.id)).toEqual(approved);
    expect(listRecords(s.state.data, 'tor').find((t) => t.boardId === CT && t.status === 'draft')!.meetingsPerYear).toBe(6);

    const v1 = 'protocolVersion:boards-v1' as const;
    for (const boardId of ['board:childrens-trust', 'board:safeguarding', 'board:hwb'] as const)
      s.run('protocols:signOff', { protocolVersionId: v1, boardId, date: addDays(TEST_TODAY, -1), minuteRef: '', unansweredReason: 'To be answered in version 2' });
    const v1Record = listRecords(s.state.data, 'protocolVersion').find((v) => v.id === v1)!;
    s.run('protocols:saveDraft', { protocolId: 'protocol:boards', sections: v1Record.sections, changeSummary: 'Police named in section 2' });
    const v2 = listRecords(s.state.data, 'protocolVersion').find((v) => v.protocolId === 'protocol:boards' && v.version === 2)!;
    s.run('protocols:startConsultation', { protocolVersionId: v2.id });
    for (const boardId of ['board:childrens-trust', 'board:safeguarding', 'board:hwb'] as const) s.run('protocols:signOff', { protocolVersionId: v2.id, boardId, date: TEST_TODAY, minuteRef: '', unansweredReason: 'Carried to the review' });
    expect(listRecords(s.state.data, 'protocolVersion').find((v) => v.id === v1)!.status).toBe('superseded');
    const org = listRecords(s.state.data, 'organisation')[0];
    expect(() => s.run('protocols:comment', { protocolVersionId: v1, sectionKey: 's1', author: 'Late reader', organisationId: org.id, text: 'A comment after the event' })).toThrow(/replaced by a later agreed version and stays as it was agreed/);
  });
});
