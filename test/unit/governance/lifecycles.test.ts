import { describe, expect, it } from 'vitest';
import { findRecord, listRecords, type StoreData } from '../../../shared/data';
import { currentTor } from '../../../shared/rules/boards';
import { exampleData } from '../../docxPackage';
import { commandSession } from '../../helpers';

const session = (data: StoreData = exampleData()) => commandSession(data);

const editable = (t: ReturnType<typeof currentTor> & object) => ({
  purpose: t.purpose,
  responsibilities: t.responsibilities,
  members: t.members,
  chairMemberKey: t.chairMemberKey,
  viceChairMemberKey: t.viceChairMemberKey,
  quorum: t.quorum,
  meetingsPerYear: t.meetingsPerYear,
  deepDivesPerMeeting: t.deepDivesPerMeeting,
  paperDeadlineWorkingDays: t.paperDeadlineWorkingDays,
  reportsToBoardIds: t.reportsToBoardIds,
  permissions: t.permissions,
  reviewDate: t.reviewDate,
});

describe('terms of reference lifecycle', () => {
  it('editing an approved version makes a new draft, and the approved one stays in force and unchanged', () => {
    const s = session();
    const approved = currentTor(s.state.data, 'board:childrens-trust')!;
    expect(approved).toMatchObject({ version: 1, status: 'approved' });
    s.run('tor:saveDraft', { boardId: 'board:childrens-trust', basedOnId: approved.id, ...editable(approved), meetingsPerYear: 4 });
    const versions = listRecords(s.state.data, 'tor').filter((t) => t.boardId === 'board:childrens-trust').sort((a, b) => a.version - b.version);
    expect(versions.map((t) => `${t.version} ${t.status} ${t.meetingsPerYear}`)).toEqual(['1 approved 3', '2 draft 4']);
    expect(findRecord(s.state.data, 'tor', approved.id)).toEqual(approved);
    // The checks keep using the approved version until the board approves the draft.
    expect(currentTor(s.state.data, 'board:childrens-trust')!.meetingsPerYear).toBe(3);
    // A second edit changes the draft in place rather than making version 3.
    s.run('tor:saveDraft', { boardId: 'board:childrens-trust', basedOnId: versions[1].id, ...editable(versions[1]), deepDivesPerMeeting: 2 });
    expect(listRecords(s.state.data, 'tor').filter((t) => t.boardId === 'board:childrens-trust')).toHaveLength(2);
  });

  it('approving a draft records the date, meeting and minute, and supersedes the version before; history is kept', () => {
    const s = session();
    const approved = currentTor(s.state.data, 'board:childrens-trust')!;
    s.run('tor:saveDraft', { boardId: 'board:childrens-trust', ...editable(approved), meetingsPerYear: 4 });
    const draft = listRecords(s.state.data, 'tor').find((t) => t.status === 'draft' && t.boardId === 'board:childrens-trust')!;
    const journal = s.run('tor:approve', { torId: draft.id, date: '2026-12-15', meetingId: 'meeting:ct-next', minuteRef: 'CT/26/4', confirmed: true });
    expect(journal.summary).toBe('Approved version 2 of the Children’s Trust’s terms of reference on 15 December 2026 (minute CT/26/4)');
    expect(findRecord(s.state.data, 'tor', draft.id)).toMatchObject({ status: 'approved', approval: { date: '2026-12-15', meetingId: 'meeting:ct-next', minuteRef: 'CT/26/4' } });
    expect(findRecord(s.state.data, 'tor', approved.id)!.status).toBe('superseded');
    expect(currentTor(s.state.data, 'board:childrens-trust')!.meetingsPerYear).toBe(4);
    expect(() => s.run('tor:approve', { torId: draft.id, date: '2026-12-16', minuteRef: '' })).toThrow(/only a draft can be approved/);
    expect(() => s.run('tor:discardDraft', { torId: approved.id })).toThrow(/Only a draft can be discarded/);
  });

  it('refuses a chair who is not a member, and two seats with one key', () => {
    const s = session();
    const t = currentTor(s.state.data, 'board:childrens-trust')!;
    expect(() => s.run('tor:saveDraft', { boardId: t.boardId, ...editable(t), chairMemberKey: 'nobody' })).toThrow(/chair must be one of the members/);
    expect(() => s.run('tor:saveDraft', { boardId: t.boardId, ...editable(t), members: [t.members[0], t.members[0]] })).toThrow(/share the key/);
  });
});

describe('protocol lifecycle', () => {
  const v1 = 'protocolVersion:boards-v1';

  it('cannot become agreed while a party board has not signed; the last signature agrees it', () => {
    const s = session();
    expect(findRecord(s.state.data, 'protocolVersion', v1)!.status).toBe('consultation');
    // Partner comments are still unanswered: a sign-off needs the board's reason for going ahead.
    expect(() => s.run('protocols:signOff', { protocolVersionId: v1, boardId: 'board:childrens-trust', date: '2026-12-15', minuteRef: 'CT/26/5' })).toThrow(/partner comments on version 1 have no response yet .* record why the board signed off regardless/);
    const first = s.run('protocols:signOff', { protocolVersionId: v1, boardId: 'board:childrens-trust', date: '2026-12-15', meetingId: 'meeting:ct-next', minuteRef: 'CT/26/5', confirmed: true, unansweredReason: 'Partners agreed the open comments go to the annual review' });
    expect(first.summary).toMatch(/with \d+ comments unanswered, because Partners agreed/);
    const second = s.run('protocols:signOff', { protocolVersionId: v1, boardId: 'board:safeguarding', date: '2027-01-07', minuteRef: 'SCP/27/3', unansweredReason: 'Partners agreed the open comments go to the annual review' });
    expect(second.summary).toMatch(/1 board still to sign$/);
    expect(findRecord(s.state.data, 'protocolVersion', v1)!.status).toBe('consultation');
    expect(() => s.run('protocols:signOff', { protocolVersionId: v1, boardId: 'board:safeguarding', date: '2027-01-08', minuteRef: '' })).toThrow(/already signed/);
    const last = s.run('protocols:signOff', { protocolVersionId: v1, boardId: 'board:hwb', date: '2027-01-13', minuteRef: 'HWB/27/6', unansweredReason: 'Partners agreed the open comments go to the annual review' });
    expect(last.summary).toMatch(/every party has signed, so it is agreed$/);
    expect(findRecord(s.state.data, 'protocolVersion', v1)!.status).toBe('agreed');
  });

  it('fixes a version once it is out: editing makes the next version, with its change summary, and the old text is kept', () => {
    const s = session();
    const before = findRecord(s.state.data, 'protocolVersion', v1)!;
    const sections = before.sections.map((x) => (x.key === 's3' ? { ...x, body: `${x.body} The Integrated Care Board reports to the Health and Wellbeing Board.` } : x));
    expect(() => s.run('protocols:saveDraft', { protocolId: 'protocol:boards', sections, changeSummary: '' })).toThrow(/needs a change summary/);
    s.run('protocols:saveDraft', { protocolId: 'protocol:boards', sections, changeSummary: 'Section 3 names the Integrated Care Board, as partners asked' });
    const versions = listRecords(s.state.data, 'protocolVersion').filter((v) => v.protocolId === 'protocol:boards').sort((a, b) => a.version - b.version);
    expect(versions.map((v) => `${v.version} ${v.status}`)).toEqual(['1 consultation', '2 draft']);
    expect(findRecord(s.state.data, 'protocolVersion', v1)).toEqual(before);
    expect(() => s.run('protocols:signOff', { protocolVersionId: versions[1].id, boardId: 'board:hwb', date: '2027-01-13', minuteRef: '' })).toThrow(/out to consultation before/);
    s.run('protocols:startConsultation', { protocolVersionId: versions[1].id });
    for (const [boardId, date] of [['board:childrens-trust', '2026-12-15'], ['board:safeguarding', '2027-01-07'], ['board:hwb', '2027-01-13']] as const)
      s.run('protocols:signOff', { protocolVersionId: versions[1].id, boardId, date, minuteRef: '' });
    expect(findRecord(s.state.data, 'protocolVersion', versions[1].id)!.status).toBe('agreed');
  });

  it('keeps a comment and its answer, and refuses a board that is not a party or a section that is not there', () => {
    const s = session();
    s.run('protocols:comment', { protocolVersionId: v1, sectionKey: 's2', author: 'DCI Mark Ellery', organisationId: 'organisation:police', text: 'Add the police’s role in the front door.' });
    const comment = listRecords(s.state.data, 'protocolComment').find((c) => c.text.startsWith('Add the police'))!;
    s.run('protocols:respond', { commentId: comment.id, outcome: 'accepted', response: 'Added to section 2.' });
    s.run('protocols:respond', { commentId: comment.id, outcome: 'declined', response: 'On reflection this belongs in the front door procedures.' });
    const responses = listRecords(s.state.data, 'commentResponse').filter((r) => r.commentId === comment.id);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ outcome: 'declined' });
    expect(() => s.run('protocols:comment', { protocolVersionId: v1, sectionKey: 's99', author: 'X', organisationId: 'organisation:police', text: 'x' })).toThrow(/not in this version/);
    const outsider = { ...findRecord(s.state.data, 'board', 'board:hwb')!, id: 'board:other' as const, name: 'Other', shortName: 'Other' };
    s.state.data = { records: { ...s.state.data.records, [outsider.id]: outsider } };
    expect(() => s.run('protocols:signOff', { protocolVersionId: v1, boardId: 'board:other', date: '2027-01-13', minuteRef: '' })).toThrow(/not a party/);
  });
});
