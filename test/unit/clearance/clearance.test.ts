import { describe, expect, it } from 'vitest';
import { listRecords, recordsWhere } from '../../../shared/data';
import { preflight } from '../../../shared/pack/preflight';
import { clearancesFor, paperClearances } from '../../../shared/features/clearance';
import { listOutbox } from '../../../shared/features/outbox';
import { clearanceSummary, clearanceStates } from '../../../shared/rules/clearance';
import { exampleData } from '../../docxPackage';
import { commandSession, refused, TEST_TODAY } from '../../helpers';

const env = { today: TEST_TODAY, holidays: new Set<string>(), hasImage: () => true };

/** The Children's Trust asks finance and legal clearance of every decision paper; its next meeting has two. */
const withRules = () => {
  const s = commandSession(exampleData());
  s.run('boards:setClearances', {
    boardId: 'board:childrens-trust',
    rules: [
      { key: 'finance', label: 'Finance', paperKinds: ['decision'] },
      { key: 'legal', label: 'Legal', paperKinds: ['decision'], personId: 'person:sarah-whitcombe' },
    ],
  });
  const decisionPaper = recordsWhere(s.state.data, 'agendaItem', 'meetingId', 'meeting:ct-next').find((i) => i.purpose === 'decision' && i.paper?.status === 'received' && !i.part2)!;
  return { s, item: decisionPaper };
};
const problems = (s: ReturnType<typeof withRules>['s']) => preflight(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY, new Set(), () => true).problems;

describe('clearance of papers', () => {
  it('blocks the pack while a decision paper lacks a clearance the board asks, and lets it through once given', () => {
    const { s, item } = withRules();
    const number = (p: { message: string }) => p.message.match(/^Item (\d+)/)?.[1];
    const missing = problems(s).filter((p) => p.code === 'clearance-missing' && p.fix.id === item.id);
    expect(missing.map((p) => [p.severity, p.message.replace(/^Item \d+ /, '')])).toEqual([
      ['error', `(${item.title}): no finance clearance yet.`],
      ['error', `(${item.title}): no legal clearance yet.`],
    ]);
    expect(number(missing[0])).toBeDefined();
    s.run('clearances:give', { agendaItemId: item.id, key: 'finance', clearedBy: 'Kofi Boateng, Finance Business Partner', comment: 'Costs are within the approved budget.' });
    // The legal clearer is the board's named one when none is given.
    s.run('clearances:give', { agendaItemId: item.id, key: 'legal' });
    expect(problems(s).filter((p) => p.fix.id === item.id && p.code.startsWith('clearance'))).toEqual([]);
    const board = listRecords(s.state.data, 'board').find((b) => b.id === 'board:childrens-trust')!;
    expect(clearanceSummary(clearanceStates(s.state.data, board, s.state.data.records[item.id] as typeof item))).toBe('Cleared (Finance, Legal)');
    expect(listRecords(s.state.data, 'clearance').find((c) => c.key === 'legal')).toMatchObject({ clearedBy: 'Sarah Whitcombe', on: TEST_TODAY, via: 'secretariat' });
  });

  it('resets a clearance when the paper’s text changes, says so in the journal, and shows the words that reset it', () => {
    const { s, item } = withRules();
    s.run('clearances:give', { agendaItemId: item.id, key: 'finance', clearedBy: 'Kofi Boateng' });
    s.run('clearances:give', { agendaItemId: item.id, key: 'legal' });
    const journal = s.run('paper:updateBody', { agendaItemId: item.id, body: `${item.paper!.body}\n\nThe contract runs for five years at £2.4m.` });
    expect(journal.summary).toMatch(/the text changed, so the finance and legal clearances must be given again$/);
    const reset = problems(s).filter((p) => p.fix.id === item.id && p.code === 'clearance-reset');
    expect(reset.map((p) => p.message)).toEqual([expect.stringMatching(/the finance clearance given by Kofi Boateng on 23 November 2026 was reset when the paper's text changed/), expect.stringMatching(/legal clearance/)]);
    const view = paperClearances.view(s.state.data, { agendaItemId: item.id }, env);
    expect(view.needed.map((n) => n.state)).toEqual(['reset', 'reset']);
    expect(view.history[0].changedSince.filter((d) => d.change === 'added').map((d) => d.text).join('')).toContain('The contract runs for five years at £2.4m.');
    // Given again on the new text, it holds; the old one stays in the history.
    s.run('clearances:give', { agendaItemId: item.id, key: 'finance', clearedBy: 'Kofi Boateng', comment: 'Five years is affordable.' });
    const again = paperClearances.view(s.state.data, { agendaItemId: item.id }, env);
    expect(again.needed.map((n) => [n.key, n.state])).toEqual([['finance', 'cleared'], ['legal', 'reset']]);
    expect(again.history.map((h) => [h.key, h.holds])).toEqual([['finance', true], ['legal', false], ['finance', false]]);
  });

  it('refuses what would be a false clearance, in the operation itself', () => {
    const { s, item } = withRules();
    expect(refused(() => s.run('clearances:give', { agendaItemId: item.id, key: 'finance' })).message).toMatch(/Say who gave the finance clearance: silence is never clearance/);
    expect(refused(() => s.run('clearances:give', { agendaItemId: item.id, key: 'housing', clearedBy: 'X' })).message).toMatch(/asks no “housing” clearance of a decision paper/);
    expect(refused(() => s.run('clearances:give', { agendaItemId: item.id, key: 'finance', clearedBy: 'X', on: '2027-01-04' })).message).toMatch(/still to come/);
    const requested = recordsWhere(s.state.data, 'agendaItem', 'meetingId', 'meeting:ct-next').find((i) => i.purpose === 'decision' && i.paper?.status === 'requested')!;
    expect(requested).toBeDefined();
    expect(refused(() => s.run('clearances:give', { agendaItemId: requested.id, key: 'finance', clearedBy: 'X' })).message).toMatch(/no paper received yet/);
    expect(refused(() => s.run('boards:setClearances', { boardId: 'board:childrens-trust', rules: [{ key: 'finance', label: 'Finance', paperKinds: ['decision'] }, { key: 'finance', label: 'Money', paperKinds: ['assurance'] }] })).message).toMatch(/share the key/);
  });

  it('sends a paper to its named clearer, who clears the words they were sent; the guards hold in the operations themselves', () => {
    const { s, item } = withRules();
    // Finance names no clearer: there is no one to send it to.
    expect(refused(() => s.run('clearances:request', { agendaItemId: item.id, key: 'finance' })).message).toMatch(/names no clearer for finance/);
    s.run('clearances:request', { agendaItemId: item.id, key: 'legal' });
    expect(refused(() => s.run('clearances:request', { agendaItemId: item.id, key: 'legal' })).message).toMatch(/Sarah Whitcombe was sent this text to clear on 23 November 2026/);
    const [request] = listRecords(s.state.data, 'clearanceRequest');
    expect(request).toMatchObject({ personName: 'Sarah Whitcombe', title: item.title, meetingOn: '2026-12-15', kind: 'decision' });
    // The e-mail asking for it says where to find it.
    const mail = listOutbox.view(s.state.data, {}, env);
    expect(mail.due.find((m) => m.kind === 'clearance-request' && m.body.includes(item.title))?.body).toMatch(/waiting for you in Quorum, under Papers to clear/);
    expect(refused(() => s.run('clearances:giveOwn', { requestId: request.id, personId: 'person:dev-sandhu' })).message).toMatch(/in their own name only/);

    // The paper changes before she clears it: the old text can no longer be cleared, the new one is sent.
    s.run('paper:updateBody', { agendaItemId: item.id, body: `${item.paper!.body}\n\nThe contract runs for five years.` });
    s.run('clearances:request', { agendaItemId: item.id, key: 'legal' });
    expect(refused(() => s.run('clearances:giveOwn', { requestId: request.id, personId: 'person:sarah-whitcombe' })).message).toMatch(/A changed version .* was sent to you on 23 November 2026: clear that one/);
    const mine = clearancesFor.view(s.state.data, { personId: 'person:sarah-whitcombe' }, env);
    expect(mine).toEqual([expect.objectContaining({ title: item.title, changedSinceEarlier: true, cleared: null })]);
    s.run('clearances:giveOwn', { requestId: mine[0].id as never, personId: 'person:sarah-whitcombe', comment: 'Lawful.' });
    expect(paperClearances.view(s.state.data, { agendaItemId: item.id }, env).needed.find((n) => n.key === 'legal')).toMatchObject({ state: 'cleared', latest: { clearedBy: 'Sarah Whitcombe', via: 'own', comment: 'Lawful.' } });
    expect(clearancesFor.view(s.state.data, { personId: 'person:sarah-whitcombe' }, env)[0].cleared).toEqual({ on: TEST_TODAY, comment: 'Lawful.' });

    // A Part 2 paper's words never leave the Part 2 database.
    const exempt = recordsWhere(s.state.data, 'agendaItem', 'meetingId', 'meeting:ct-next').find((i) => i.part2 && i.paper?.status === 'received' && i.purpose === 'decision');
    expect(exempt).toBeDefined();
    expect(refused(() => s.run('clearances:request', { agendaItemId: exempt!.id, key: 'legal' })).message).toMatch(/never copied to the partners’ database/);
  });
});
