import { describe, expect, it } from 'vitest';
import { assemblePack } from '../../../shared/pack/model';
import { assembleSupplement, packContents, supplementCandidates } from '../../../shared/pack/supplement';
import { packPlan } from '../../../shared/pack/parts/plan';
import { exampleData } from '../../docxPackage';
import { commandSession, TEST_TODAY } from '../../helpers';

const MEETING = 'meeting:ct-next';

/** The example with its public pack recorded as sent, then `after` run on it. */
const sentThen = (after: (run: ReturnType<typeof commandSession>['run']) => void) => {
  const s = commandSession(exampleData(TEST_TODAY));
  const recordBuild = (extra: Record<string, unknown> = {}) =>
    s.run('pack:recordBuild', { meetingId: MEETING, variant: 'public', fileName: 'pack.docx', format: 'docx', filePath: '/tmp/pack.docx', bytes: 1, sha256: 'a'.repeat(64), warnings: 0, contents: packContents(assemblePack(s.state.data, MEETING, 'public', TEST_TODAY)), ...extra });
  recordBuild();
  after(s.run);
  return { s, recordBuild };
};

describe('supplements', () => {
  it('finds the paper received since the pack was sent, and one changed since, and nothing else', () => {
    const { s } = sentThen((run) => {
      run('paper:updateBody', { agendaItemId: 'agendaItem:next-5', body: '## Audit\n\nForty cases.' });
      run('paper:updateBody', { agendaItemId: 'agendaItem:next-4', body: '## Progress\n\nA corrected table.' });
    });
    const { items } = supplementCandidates(s.state.data, MEETING, 'public', TEST_TODAY);
    expect(items.map((i) => [i.number, i.kind])).toEqual([
      [4, 'replaced'],
      [5, 'late'],
    ]);
  });

  it('notices a cover sheet and a deep-dive briefing changed since the pack, and prints the changed briefing', () => {
    const { s } = sentThen(() => {});
    const item = s.state.data.records['agendaItem:next-4'] as { rev: number; paper: { coverSheet: Record<string, unknown> } };
    s.run('paper:updateCoverSheet', { agendaItemId: 'agendaItem:next-4', coverSheet: { ...item.paper.coverSheet, recommendations: ['The Board notes the progress made and the corrected figures.'] } });
    const dive = s.state.data.records['deepDive:neglect'] as unknown as Record<string, unknown> & { whyNow: string };
    const { id: _i, type: _t, rev: _r, schemaVersion: _v, updatedAt: _u, updatedBy: _b, boardId, meetingId: _m, status: _s, ...fields } = dive;
    s.run('dives:save', { ...fields, deepDiveId: 'deepDive:neglect', boardId, whyNow: `${dive.whyNow} The graded care profile audit now covers every agency.` });
    const { items } = supplementCandidates(s.state.data, MEETING, 'public', TEST_TODAY);
    expect(items.map((i) => [i.number, i.kind, i.part ?? 'paper'])).toEqual([
      [4, 'replaced', 'paper'],
      [5, 'replaced', 'briefing'],
    ]);
    const model = assembleSupplement(s.state.data, MEETING, 'public', TEST_TODAY, { 'agendaItem:next-4': { lateReason: 'Figures corrected' }, 'agendaItem:next-5': { lateReason: 'Scope widened' } });
    expect(model.deepDives.map((b) => b.whyNow)).toEqual([expect.stringMatching(/now covers every agency\.$/)]);
  });

  it('prints only those papers, each with why it is late, under a cover naming the pack it adds to', () => {
    const { s } = sentThen((run) => run('paper:updateBody', { agendaItemId: 'agendaItem:next-5', body: '## Audit\n\nForty cases.' }));
    const model = assembleSupplement(s.state.data, MEETING, 'public', TEST_TODAY, { 'agendaItem:next-5': { lateReason: 'The audit closed late' } });
    expect(model.papers.map((p) => p.number)).toEqual([5]);
    expect(model.title).toMatch(/: Supplement to the public pack$/);
    const blocks = packPlan(model).flatMap((p) => p.make());
    const text = JSON.stringify(blocks);
    expect(text).toContain('Supplement to the pack sent on 23 November 2026 (pack.docx). It holds only: item 5');
    expect(text).toContain('Why it is late: The audit closed late');
    expect(text).not.toContain('Improvement plan');
  });

  it('asks why each paper is late, and for a council committee the chair’s reason for urgency', () => {
    const { s } = sentThen((run) => run('paper:updateBody', { agendaItemId: 'agendaItem:next-5', body: 'Forty cases.' }));
    expect(() => assembleSupplement(s.state.data, MEETING, 'public', TEST_TODAY, {})).toThrow(/Say why item 5 .* is late/);
    const board = s.state.data.records['board:childrens-trust'];
    if (board.type !== 'board') throw new Error('example changed');
    const council = { records: { ...s.state.data.records, [board.id]: { ...board, rules: 'council-committee' as const } } };
    expect(() => assembleSupplement(council, MEETING, 'public', TEST_TODAY, { 'agendaItem:next-5': { lateReason: 'Late' } })).toThrow(/reason for urgency \(Local Government Act 1972, s\.100B\(4\)\(b\)\)/);
    const model = assembleSupplement(council, MEETING, 'public', TEST_TODAY, { 'agendaItem:next-5': { lateReason: 'Late', urgency: 'The grant deadline is before the next meeting' } });
    expect(JSON.stringify(packPlan(model).flatMap((p) => p.make()))).toContain('Reason for urgency (Local Government Act 1972, s.100B(4)(b)): The grant deadline is before the next meeting');
  });

  it('counts what a supplement already sent, and refuses when nothing is new; the next pack prints the current version of everything', () => {
    const { s } = sentThen((run) => run('paper:updateBody', { agendaItemId: 'agendaItem:next-5', body: 'Forty cases.' }));
    const model = assembleSupplement(s.state.data, MEETING, 'public', TEST_TODAY, { 'agendaItem:next-5': { lateReason: 'Late' } });
    const [base] = Object.values(s.state.data.records).filter((r) => r.type === 'packBuild');
    s.run('pack:recordBuild', { meetingId: MEETING, variant: 'public', fileName: 'supplement.docx', format: 'docx', filePath: '/tmp/s.docx', bytes: 1, sha256: 'b'.repeat(64), warnings: 0, contents: packContents(model), supplement: { of: base.id, items: [{ number: 5, kind: 'late', lateReason: 'Late' }] } });
    expect(supplementCandidates(s.state.data, MEETING, 'public', TEST_TODAY).items).toEqual([]);
    expect(() => assembleSupplement(s.state.data, MEETING, 'public', TEST_TODAY, {})).toThrow(/Nothing has arrived or changed since pack\.docx was saved/);
    expect(assemblePack(s.state.data, MEETING, 'public', TEST_TODAY).papers.find((p) => p.number === 5)).toMatchObject({ state: 'received', body: 'Forty cases.' });
  });

  it('needs a pack sent first', () => {
    const s = commandSession(exampleData(TEST_TODAY));
    expect(() => supplementCandidates(s.state.data, MEETING, 'public', TEST_TODAY)).toThrow(/No public pack has been saved for this meeting yet/);
  });
});
