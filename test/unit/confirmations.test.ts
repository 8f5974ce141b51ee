import { describe, expect, it } from 'vitest';
import { listRecords } from '../../shared/data';
import { planMeetingsImport } from '../../shared/imports/meetings';
import { ukDateOf } from '../../shared/clock';
import { exampleData } from '../docxPackage';
import { commandSession, TEST_TODAY } from '../helpers';
import { QuorumFailure } from '../../shared/result';

/** Dates that cannot be right are stopped by the operation itself, whichever screen or script calls it. */
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err as QuorumFailure;
  }
  throw new Error('expected a refusal');
};

describe('dates that cannot be right, asked about where they are typed', () => {
  it('asks before recording an approval or sign-off at a meeting still to come, naming it; confirmed, it is recorded', () => {
    const s = commandSession(exampleData());
    const at = listRecords(s.state.data, 'agendaItem').find((i) => i.meetingId === 'meeting:ct-next' && i.standing === 'minutes')!;
    const approve = { meetingId: 'meeting:ct-held', atAgendaItemId: at.id, minuteRef: 'CT/24/2' };
    const asked = refusal(() => s.run('minutes:approve', approve));
    expect(asked).toMatchObject({ code: 'needs-confirmation', message: 'The minutes of 13 October 2026 would be approved at the meeting of 15 December 2026, which is still to come. Check the meeting, or confirm that is the meeting that agreed it.', fields: { atAgendaItemId: expect.any(String) } });
    s.run('minutes:approve', { ...approve, confirmed: true });

    const draft = listRecords(s.state.data, 'tor').find((t) => t.boardId === 'board:childrens-trust' && t.status === 'approved')!;
    const { id: _i, type: _t, rev: _r, schemaVersion: _s, updatedAt: _u, updatedBy: _b, boardId: _bd, version: _v, status: _st, approval: _a, ...fields } = draft;
    s.run('tor:saveDraft', { boardId: 'board:childrens-trust', ...fields });
    const v2 = listRecords(s.state.data, 'tor').find((t) => t.status === 'draft' && t.boardId === 'board:childrens-trust')!;
    expect(refusal(() => s.run('tor:approve', { torId: v2.id, date: '2026-12-15', meetingId: 'meeting:ct-next', minuteRef: '' }))).toMatchObject({ code: 'needs-confirmation', message: expect.stringMatching(/^Version \d+ would be approved at the meeting of 15 December 2026, which is still to come/) });
    // A date with no meeting named takes force on that date: nothing to ask.
    s.run('tor:approve', { torId: v2.id, date: '2026-12-15', minuteRef: '' });

    expect(
      refusal(() => s.run('protocols:signOff', { protocolVersionId: 'protocolVersion:boards-v1', boardId: 'board:childrens-trust', date: '2026-12-15', meetingId: 'meeting:ct-next', minuteRef: '', unansweredReason: 'Taken up at review' })),
    ).toMatchObject({ code: 'needs-confirmation', message: expect.stringMatching(/^The Children’s Trust’s sign-off would be recorded at the meeting of 15 December 2026/) });
  });

  it('takes the date a partner’s comment was received, refuses one still to come, and the sign-off warning uses it', () => {
    const s = commandSession(exampleData());
    const v = 'protocolVersion:boards-v1';
    const org = listRecords(s.state.data, 'organisation')[0].id;
    const comment = { protocolVersionId: v, sectionKey: 'general', author: 'Ada Newcombe', organisationId: org, text: 'Please add the escalation route.' };
    expect(refusal(() => s.run('protocols:comment', { ...comment, receivedOn: '2026-12-01' }))).toMatchObject({ code: 'invalid-input', message: 'A comment cannot be received after today; 1 December 2026 is still to come.' });
    s.run('protocols:comment', { ...comment, receivedOn: '2026-11-02' });
    const made = listRecords(s.state.data, 'protocolComment').find((c) => c.author === 'Ada Newcombe')!;
    expect(ukDateOf(made.madeAt)).toBe('2026-11-02');
    s.run('protocols:comment', { ...comment, author: 'Ben Ives' });
    expect(ukDateOf(listRecords(s.state.data, 'protocolComment').find((c) => c.author === 'Ben Ives')!.madeAt)).toBe(TEST_TODAY);
  });

  it('refuses a usual end before the usual start when the year’s meetings are planned, instead of making 30-minute meetings', () => {
    const data = exampleData();
    expect(refusal(() => planMeetingsImport(data, { boardId: 'board:safeguarding', text: 'third Tuesday of January', year: 2027, startTime: '15:00', endTime: '14:00', venue: '' }, new Set()))).toMatchObject({
      code: 'invalid-input',
      message: 'The usual end (14:00) is before the usual start (15:00): a meeting ends after it starts.',
      fields: { endTime: 'End after 15:00' },
    });
  });
});

describe('what the screens and the website say is true', () => {
  it('says a paper will follow only while the meeting is still to come', async () => {
    const { buildSite } = await import('../../shared/publish/site');
    const data = exampleData();
    const page = (today: string) => buildSite(data, { today, holidays: new Set(), since: '2026-01-01' }).pages.find((p) => p.path.endsWith('/index.html') && p.html.includes('Deep dive: neglect and the graded care profile') && p.html.includes('15 December 2026'))!.html;
    expect(page(TEST_TODAY)).toContain('The paper will follow.');
    // The same meeting, months later, its paper never received.
    const later = page('2027-03-01');
    expect(later).not.toContain('The paper will follow.');
    expect(later).toContain('No paper was published for this item.');
  });
});

describe('confidential stays confidential when plans change', () => {
  it('keeps a Part 2 deep dive’s exemption when it is taken off its meeting, and puts it back on its next item', async () => {
    const { planSpec } = await import('../../shared/exports/planExports');
    const { listRecords: list } = await import('../../shared/data');
    const s = (await import('../helpers')).commandSession(exampleData());
    const text = (variant: 'public' | 'full') => JSON.stringify(planSpec(s.state.data, 'deep-dives', 'board:childrens-trust', TEST_TODAY, new Set(), variant).blocks);
    s.run('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-5', part2: { paragraph: 2, reason: 'Information likely to reveal the identity of a child' } });
    s.run('dives:schedule', { deepDiveId: 'deepDive:neglect', meetingId: null });
    expect(text('public')).not.toContain('Neglect and the graded care profile');
    expect(text('public')).toContain('Not yet scheduled: Children missing education; one theme exempt under Schedule 12A.');
    expect(text('full')).toContain('Neglect and the graded care profile (Part 2, exempt: paragraph 2)');
    // Placed again at a meeting whose agenda is drafted, its new item is in Part 2 and holds the exemption.
    s.run('agenda:draft', { meetingId: 'meeting:ct-third' });
    s.run('dives:schedule', { deepDiveId: 'deepDive:neglect', meetingId: 'meeting:ct-third' });
    expect(list(s.state.data, 'deepDive').find((d) => d.id === 'deepDive:neglect')!.part2).toBeUndefined();
    const item = list(s.state.data, 'agendaItem').find((i) => i.deepDiveId === 'deepDive:neglect' && i.meetingId === 'meeting:ct-third');
    expect(item?.part2).toMatchObject({ paragraph: 2 });
    expect(text('public')).not.toMatch(/Neglect and the graded care profile[^(]*\(Part 2, exempt/);
    expect(text('public')).toContain('Neglect and the graded care profile (Part 2, Schedule 12A paragraph 2)');
  });
});

describe('the public website', () => {
  it('never writes two boards or two meetings to one folder', async () => {
    const { buildSite } = await import('../../shared/publish/site');
    const { emptyData } = await import('../../shared/data');
    const s = (await import('../helpers')).commandSession(emptyData());
    s.run('partnership:setUp', { name: 'Westmoor Children and Families Partnership' });
    s.run('boards:add', { name: 'Westmoor Children’s Trust Board', shortName: 'Children’s Trust', kind: 'childrens-trust', rules: 'own-terms-of-reference' });
    s.run('boards:add', { name: 'Westmoor Childrens Trust Executive', shortName: 'Childrens Trust', kind: 'other', rules: 'own-terms-of-reference' });
    const boards = listRecords(s.state.data, 'board');
    for (const b of boards) for (let i = 0; i < 2; i++) s.run('meetings:create', { boardId: b.id, date: '2027-01-19', startTime: '14:00', endTime: '16:00', venue: '' });
    const site = buildSite(s.state.data, { today: TEST_TODAY, holidays: new Set(), since: '2026-01-01' });
    const paths = site.pages.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    const boardIndexes = site.pages.filter((p) => /^[^/]+\/index\.html$/.test(p.path));
    expect(new Set(boardIndexes.map((p) => p.html.match(/<h1>([^<]+)<\/h1>/)?.[1]))).toEqual(new Set(['Westmoor Children’s Trust Board', 'Westmoor Childrens Trust Executive']));
    // Four meetings, four folders.
    expect(site.pages.filter((p) => /^[^/]+\/2027-01-19[^/]*\/index\.html$/.test(p.path))).toHaveLength(4);
  });
});
