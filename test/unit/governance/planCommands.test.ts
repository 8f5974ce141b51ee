import { describe, expect, it } from 'vitest';
import { findRecord, listRecords, type StoreData } from '../../../shared/data';
import { forwardPlanView, plannerView } from '../../../shared/rules/planView';
import { bankHolidaysAround } from '../../../main/services/holidays';
import { exampleData } from '../../docxPackage';
import { commandSession, TEST_TODAY } from '../../helpers';

const today = TEST_TODAY;
const holidays = bankHolidaysAround(today);
const session = (data: StoreData = exampleData(today)) => commandSession(data);

describe('deep dives', () => {
  it('are proposed, placed at a meeting of their own board, and taken back; a held one stays where it was held', () => {
    const s = session();
    s.run('dives:save', { boardId: 'board:childrens-trust', theme: 'Youth justice', presenterIds: [], whyNow: 'A rise in first-time entrants.', linesOfEnquiry: ['Is diversion working?'], evidence: [{ description: 'First-time entrant rates', kind: 'data', providedBy: 'Youth Justice Service' }], outcomes: '', recommendations: [] });
    const dive = listRecords(s.state.data, 'deepDive').find((d) => d.theme === 'Youth justice')!;
    expect(dive.status).toBe('proposed');
    expect(plannerView(s.state.data, 'board:childrens-trust', today, holidays).unscheduled.map((d) => d.theme)).toContain('Youth justice');
    s.run('dives:schedule', { deepDiveId: dive.id, meetingId: 'meeting:ct-third' });
    expect(findRecord(s.state.data, 'deepDive', dive.id)).toMatchObject({ meetingId: 'meeting:ct-third', status: 'scheduled' });
    expect(() => s.run('dives:schedule', { deepDiveId: dive.id, meetingId: 'meeting:scp-next' })).toThrow(/its own board/);
    expect(() => s.run('dives:schedule', { deepDiveId: dive.id, meetingId: 'meeting:ct-held' })).toThrow(/already been held/);
    s.run('dives:schedule', { deepDiveId: dive.id, meetingId: null });
    expect(findRecord(s.state.data, 'deepDive', dive.id)).toMatchObject({ status: 'proposed' });
    expect(findRecord(s.state.data, 'deepDive', dive.id)!.meetingId).toBeUndefined();
    expect(() => s.run('dives:schedule', { deepDiveId: 'deepDive:front-door', meetingId: 'meeting:ct-third' })).toThrow(/has been held/);
  });

  it('raises follow-up actions into the board’s action log, and needs a follow-up meeting before "follow-up"', () => {
    const s = session();
    s.run('dives:raiseAction', { deepDiveId: 'deepDive:neglect', text: 'Share the graded care profile audit with schools', ownerPersonId: 'person:amira-haddad', dueDate: '2027-02-28' });
    expect(listRecords(s.state.data, 'action').find((a) => a.text.startsWith('Share the graded'))).toMatchObject({ boardId: 'board:childrens-trust', meetingId: 'meeting:ct-next', agendaItemId: 'agendaItem:next-5', status: 'open' });
    expect(() => s.run('dives:setStatus', { deepDiveId: 'deepDive:neglect', status: 'follow-up' })).toThrow(/later meeting/);
  });
});

describe('the forward plan', () => {
  it('defers an item only with a reason, and keeps the reason for the board', () => {
    const s = session();
    expect(() => s.run('plan:setStatus', { forwardPlanItemId: 'forwardPlanItem:jsna', status: 'deferred' })).toThrow(/Say why/);
    s.run('plan:setStatus', { forwardPlanItemId: 'forwardPlanItem:jsna', status: 'deferred', deferredReason: 'Census data not yet published' });
    const row = forwardPlanView(s.state.data, holidays, { boardId: 'board:hwb' }).find((r) => r.id === 'forwardPlanItem:jsna')!;
    expect(row).toMatchObject({ status: 'deferred', deferredReason: 'Census data not yet published' });
    s.run('plan:setStatus', { forwardPlanItemId: 'forwardPlanItem:jsna', status: 'planned' });
    expect(findRecord(s.state.data, 'forwardPlanItem', 'forwardPlanItem:jsna')!.deferredReason).toBe('');
  });

  it('gives each item its meeting’s paper deadline, and a key decision of a council committee its 28-day notice date', () => {
    const s = session();
    const rows = forwardPlanView(s.state.data, holidays);
    const bcf = rows.find((r) => r.id === 'forwardPlanItem:bcf')!;
    const hwb = findRecord(s.state.data, 'meeting', 'meeting:hwb-next')!;
    const board = findRecord(s.state.data, 'board', 'board:hwb')!;
    expect(bcf.paperDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(bcf.paperDeadline! < hwb.date).toBe(true);
    expect(board.rules).toBe('council-committee');
    expect(bcf.keyDecisionNoticeBy).toBe(new Date(Date.parse(hwb.date) - 29 * 86_400_000).toISOString().slice(0, 10));
    const ct = rows.find((r) => r.id === 'forwardPlanItem:cypp')!;
    expect(ct.keyDecisionNoticeBy).toBeNull();
    expect(rows.at(-1)!.meetingDate).toBeNull(); // unscheduled items come last
    expect(() => s.run('plan:save', { boardId: 'board:hwb', title: 'X', kind: 'decision', meetingId: 'meeting:ct-next', origin: '', keyDecision: false })).toThrow(/same board/);
  });
});
