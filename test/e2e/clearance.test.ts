import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { listRecords, recordsWhere } from '../../shared/data';
import { numberedAgenda } from '../../shared/rules/agenda';

const e2e = useE2E();

describe('clearance of papers', () => {
  it('sets the board’s clearances, shows each paper’s state, blocks the pack until a clearance is given, and resets it when the text changes', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();

    // The Children's Trust asks finance clearance of every decision paper.
    await q.nav('People and boards').click();
    await page.getByRole('tab', { name: 'Boards' }).click();
    await q.clearance.open('Eastmere Children’s Trust Board').click();
    await q.clearance.rules.getByRole('button', { name: 'Add a clearance' }).click();
    await q.clearance.rules.getByRole('textbox', { name: 'Clearance' }).fill('Finance');
    expect(await seriousViolations(page)).toEqual([]);
    await q.clearance.rules.getByRole('button', { name: 'Save clearances' }).click();
    await q.clearance.rules.waitFor({ state: 'detached' });
    expect(listRecords(host.session.store.data, 'board').find((b) => b.id === 'board:childrens-trust')!.clearanceRules).toEqual([{ key: 'finance', label: 'Finance', paperKinds: ['decision'] }]);

    // The pack screen: the decision paper received shows its finance clearance missing, and pre-flight errors.
    const items = numberedAgenda(recordsWhere(host.session.store.data, 'agendaItem', 'meetingId', 'meeting:ct-next'));
    const paper = items.find(({ item }) => item.purpose === 'decision' && item.paper?.status === 'received' && !item.part2)!;
    await q.nav('Board pack').click();
    await expect.poll(() => q.clearance.badges(paper.number).innerText()).toBe('Finance: missing');
    await expect.poll(() => q.pack.problems.allInnerTexts()).toContainEqual(expect.stringContaining(`Item ${paper.number} (${paper.item.title}): no finance clearance yet.`));

    // The paper list shows it waiting too.
    await q.nav('Papers').click();
    await expect.poll(() => page.getByRole('table', { name: 'Papers waiting for clearance' }).getByRole('row').filter({ hasText: paper.item.title }).innerText()).toMatch(/Finance: missing/);
    await q.nav('Board pack').click();
    await expect.poll(() => q.clearance.badges(paper.number).innerText()).toBe('Finance: missing');

    // Given by e-mail, typed in: the error goes.
    await q.clearance.button(paper.number).click();
    await q.clearance.dialog.getByRole('textbox', { name: /Cleared by/ }).fill('Kofi Boateng, Finance Business Partner');
    await q.clearance.dialog.getByRole('textbox', { name: 'Their comment' }).fill('Within the approved budget.');
    expect(await seriousViolations(page)).toEqual([]);
    await q.clearance.dialog.getByRole('button', { name: 'Record the clearance' }).click();
    await q.clearance.dialog.waitFor({ state: 'detached' });
    await expect.poll(() => q.clearance.badges(paper.number).innerText()).toBe('Finance: cleared');
    await expect.poll(() => q.pack.problems.allInnerTexts()).not.toContainEqual(expect.stringContaining(`Item ${paper.number} (${paper.item.title}): no finance clearance`));

    // The summary changes on the cover sheet: the clearance is reset, and its history shows the words that reset it.
    await q.pack.coverSheet(paper.number).click();
    await q.pack.coverDialog.summary.fill('The contract now runs for five years.');
    await q.pack.coverDialog.save.click();
    await expect.poll(() => q.clearance.badges(paper.number).innerText()).toBe('Finance: reset by a change');
    await expect.poll(() => q.pack.problems.allInnerTexts()).toContainEqual(expect.stringMatching(/the finance clearance given by Kofi Boateng, Finance Business Partner on 23 November 2026 was reset when the paper's text changed/));
    await q.clearance.button(paper.number).click();
    const changed = q.clearance.dialog.getByLabel('What changed since it was cleared');
    await expect.poll(() => changed.innerText()).toContain('The contract now runs for five years');
    await screenshot(page, 'clearance.png');
  });
});
