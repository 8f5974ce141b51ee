import { describe, expect, it } from 'vitest';
import { findRecord } from '../../shared/data';
import { buildDashboard } from '../../shared/rules/dashboard';
import { meetingView } from '../../shared/rules/meetingView';
import { listPeople } from '../../shared/features/people';
import { allBoards, listBoards } from '../../shared/features/boards';
import { exampleData } from '../docxPackage';
import { commandSession, TEST_TODAY } from '../helpers';

const env = { today: TEST_TODAY, holidays: new Set<string>(), hasImage: () => true };

describe('people, organisations and boards of the partnership', () => {
  it('retires someone who has left: kept on past records, gone from the pickers, and back when restored', () => {
    const s = commandSession(exampleData());
    const held = meetingView(s.state.data, 'meeting:ct-held', TEST_TODAY, new Set());
    const someone = held.roster.find((r) => r.status === 'present')!;
    s.run('people:retire', { personId: someone.personId, retired: true });
    expect(findRecord(s.state.data, 'person', someone.personId)!.retiredOn).toBe(TEST_TODAY);
    expect(listPeople.view(s.state.data, {}, env).map((p) => p.id)).not.toContain(someone.personId);
    // The held meeting still shows them present, by name.
    expect(meetingView(s.state.data, 'meeting:ct-held', TEST_TODAY, new Set()).roster.find((r) => r.personId === someone.personId)).toMatchObject({ name: someone.name, status: 'present' });
    s.run('people:retire', { personId: someone.personId, retired: false });
    expect(listPeople.view(s.state.data, {}, env).map((p) => p.id)).toContain(someone.personId);
  });

  it('will not retire an organisation while people are still with it, nor add a person to a retired one', () => {
    const s = commandSession(exampleData());
    expect(() => s.run('organisations:retire', { organisationId: 'organisation:council', retired: true })).toThrow(/still with/);
    const { organisationId } = { organisationId: 'organisation:t1' };
    s.run('organisations:add', { name: 'Westmoor Youth Trust', kind: 'voluntary' });
    s.run('organisations:retire', { organisationId, retired: true });
    expect(() => s.run('people:add', { name: 'New Person', jobTitle: '', organisationId, email: '', phone: '' })).toThrow(/has left the partnership/);
    expect(() => s.run('organisations:add', { name: 'eastmere borough council', kind: 'council' })).toThrow(/already in the partnership/);
  });

  it('closes a board that stops meeting: its history stays, it leaves the dashboard and the pickers', () => {
    const s = commandSession(exampleData());
    s.run('boards:add', { name: 'Westmoor Corporate Parenting Board', shortName: 'Corporate Parenting', kind: 'other', rules: 'own-terms-of-reference' });
    expect(listBoards.view(s.state.data, {}, env).map((b) => b.shortName)).toContain('Corporate Parenting');
    s.run('boards:close', { boardId: 'board:hwb', closed: true });
    expect(buildDashboard(s.state.data, TEST_TODAY, new Set()).boards.map((b) => b.boardId)).not.toContain('board:hwb');
    expect(listBoards.view(s.state.data, {}, env).map((b) => b.id)).not.toContain('board:hwb');
    expect(allBoards.view(s.state.data, {}, env).find((b) => b.id === 'board:hwb')).toMatchObject({ closedOn: TEST_TODAY, meetings: expect.any(Number) });
    expect(findRecord(s.state.data, 'meeting', 'meeting:hwb-next')).toBeDefined();
    expect(() => s.run('boards:add', { name: 'Another', shortName: 'children’s trust', kind: 'other', rules: 'own-terms-of-reference' })).toThrow(/already has/);
  });
});
