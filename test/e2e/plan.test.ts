import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { findRecord, listRecords } from '../../shared/data';
import { formatUkDate } from '../../shared/rules/dates';
import { readPackage } from '../docxPackage';

const e2e = useE2E();

describe('the deep-dive planner', () => {
  it('lets the chair drag an unscheduled theme onto a meeting: the ToR warning clears, it joins that meeting’s agenda, and its briefing goes into the pack with the item', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await host.session.store.run('agenda:draft', { meetingId: 'meeting:ct-third' }); // the meeting's agenda is already drafted
    await q.nav('Deep dives').click();
    await page.getByRole('heading', { name: 'Deep-dive planner', level: 1 }).waitFor();
    const third = findRecord(host.session.store.data, 'meeting', 'meeting:ct-third')!;
    const column = page.getByRole('region', { name: `Meeting of ${formatUkDate(third.date)}` });
    const checks = page.getByRole('list', { name: 'Checks against the terms of reference' });
    await expect.poll(() => column.innerText()).toMatch(/0 deep dives: the ToR asks for 1/);
    expect(await checks.innerText()).toMatch(/0 of 1 deep dive scheduled/);
    expect(await page.getByRole('region', { name: 'Unscheduled themes' }).innerText()).toContain('Children missing education');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('[aria-label="Deep dive: Children missing education"]').dragTo(column);
    await expect.poll(() => column.innerText()).toMatch(/Children missing education[\s\S]*Scheduled/);
    await expect.poll(() => column.innerText()).toMatch(/Meets the ToR/);
    await expect.poll(() => page.getByText(/13 April 2027: 0 of 1 deep dive scheduled|0 of 1 deep dive scheduled/).count()).toBe(0);
    expect(findRecord(host.session.store.data, 'deepDive', 'deepDive:missing-education')).toMatchObject({ meetingId: third.id, status: 'scheduled' });
    expect(listRecords(host.session.store.data, 'agendaItem').find((i) => i.deepDiveId === 'deepDive:missing-education')).toMatchObject({ meetingId: third.id, title: 'Deep dive: Children missing education' });
    await screenshot(page, 'planner.png');

    // The briefing is in that meeting's pack.
    await q.nav('Board pack').click();
    await expect.poll(async () => (await q.pack.meeting.locator('option').allInnerTexts()).some((t) => t.includes(formatUkDate(third.date, true)))).toBe(true);
    const option = (await q.pack.meeting.locator('option').allInnerTexts()).find((t) => t.includes(formatUkDate(third.date, true)))!;
    await q.pack.meeting.selectOption({ label: option });
    host.saveAnswer.folder = dataDir;
    await q.pack.build.click();
    if (await q.pack.overrideReason.isVisible().catch(() => false)) {
      await q.pack.overrideReason.fill('Agenda still being drafted');
      await q.pack.buildAnyway.click();
    }
    await page.getByText('Pack saved', { exact: true }).waitFor();
    const build = listRecords(host.session.store.data, 'packBuild').find((b) => b.meetingId === third.id)!;
    const text = readPackage(readFileSync(build.filePath)).text;
    expect(text).toMatch(/\d+\s*Deep dive: Children missing education/); // a numbered item on the agenda
    expect(text).toContain('Rising numbers of children electively home educated.');
  });

  it('moves a theme by keyboard with “Move to” only when Move is pressed (arrowing through the choices moves nothing), and back to unscheduled', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Deep dives').click();
    const third = findRecord(host.session.store.data, 'meeting', 'meeting:ct-third')!;
    const move = page.getByRole('combobox', { name: 'Move “Children missing education” to' });
    const go = page.getByRole('button', { name: 'Move “Children missing education” to the chosen meeting' });
    // Arrowing through the choices moves nothing; the Move button does.
    await move.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(findRecord(host.session.store.data, 'deepDive', 'deepDive:missing-education')!.meetingId).toBeUndefined();
    // The screen says how a keyboard reaches a card's controls.
    expect(await page.locator('#planner-keys').innerText()).toMatch(/Tab to a theme’s “Move to” list, choose a meeting with the arrow keys, then Tab to Move and press Enter/);
    await move.selectOption(third.id);
    await go.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => findRecord(host.session.store.data, 'deepDive', 'deepDive:missing-education')!.meetingId).toBe(third.id);
    const column = page.getByRole('region', { name: `Meeting of ${formatUkDate(third.date)}` });
    // Focus follows the theme to its new column, so the keyboard carries on from it.
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Deep dive: Children missing education');
    await expect.poll(() => column.locator(':focus').count()).toBe(1);
    // A second theme in the same meeting: the badge says the ToR allows one, not that it is met.
    await page.getByRole('combobox', { name: 'Move “Neglect and the graded care profile” to' }).selectOption(third.id);
    await page.getByRole('button', { name: 'Move “Neglect and the graded care profile” to the chosen meeting' }).click();
    await expect.poll(() => column.innerText()).toMatch(/2 deep dives: the ToR allows 1/);
    expect(await column.innerText()).not.toMatch(/Meets the ToR/);
    await column.getByRole('combobox', { name: 'Move “Children missing education” to' }).selectOption('');
    await column.getByRole('button', { name: 'Move “Children missing education” to the chosen meeting' }).click();
    await expect.poll(() => findRecord(host.session.store.data, 'deepDive', 'deepDive:missing-education')!.status).toBe('proposed');
  });
});

describe('the forward plan', () => {
  it('lists items across boards with their paper deadlines, filters by board, and defers one with a reason', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Forward plan').click();
    const table = page.getByRole('table', { name: 'Forward plan' });
    await expect.poll(() => table.innerText()).toMatch(/Children and Young People’s Plan: annual refresh[\s\S]*Dr Leah Donnelly[\s\S]*15 December 2026[\s\S]*7 December 2026/);
    expect(await table.innerText()).toMatch(/Emotional health and wellbeing: waiting times[\s\S]*Not yet placed/);
    // On a laptop's window the item itself keeps over a quarter of the table (under a quarter with fixed widths).
    expect(await q.firstColumnShare('Forward plan')).toBeGreaterThan(0.25);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'forward-plan.png');
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Health and Wellbeing Board' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await page.getByRole('combobox', { name: 'Status of “Joint strategic needs assessment: children’s chapter”' }).selectOption('deferred');
    await page.getByRole('dialog').getByRole('textbox', { name: /Reason/ }).fill('Census data not yet published');
    await page.getByRole('dialog').getByRole('button', { name: 'Defer' }).click();
    await expect.poll(() => table.innerText()).toMatch(/Deferred: Census data not yet published/);
    expect(findRecord(host.session.store.data, 'forwardPlanItem', 'forwardPlanItem:jsna')).toMatchObject({ status: 'deferred', deferredReason: 'Census data not yet published' });

    // A new item for the board's next meeting, with its origin.
    await page.getByRole('button', { name: 'Add to the forward plan…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Eastmere Health and Wellbeing Board' });
    await dialog.getByRole('textbox', { name: /Title/ }).fill('Pharmaceutical needs assessment');
    await dialog.getByRole('combobox', { name: 'Target meeting' }).selectOption({ index: 1 });
    await dialog.getByRole('textbox', { name: /Where it came from/ }).fill('Requested by the Director of Public Health');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => table.innerText()).toMatch(/Pharmaceutical needs assessment[\s\S]*Requested by the Director of Public Health[\s\S]*13 January 2027[\s\S]*5 January 2027/);
  });
});
