import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { findRecord, listRecords } from '../../shared/data';
import { reviewedPaper, wordPaper } from '../fixtures/papers';
import { readPackage } from '../docxPackage';
import { formatUkDate } from '../../shared/rules/dates';
import { meetingItems, numberedAgenda } from '../../shared/rules/agenda';

const e2e = useE2E();

/** Arrange: an item on the Safeguarding Partnership's next agenda with a paper requested, its Paper dialog open. */
const openPaperDialogForNewItem = async (title: string) => {
  const { page, host } = e2e;
  const q = quorumPage(page);
  await q.startWithExample();
  await host.session.store.run('agenda:add', { meetingId: 'meeting:scp-next', title, purpose: 'discussion', durationMinutes: 20, presenterIds: [], paperRequested: true });
  const item = listRecords(host.session.store.data, 'agendaItem').find((i) => i.title === title)!;
  await q.nav('Meetings').click();
  await q.meetings.meeting('Eastmere Safeguarding Children Partnership', '').first().click();
  const row = q.meetings.agendaItem(title);
  await row.waitFor();
  const number = (await row.innerText()).match(/^(\d+)/m)?.[1] ?? '';
  await row.getByRole('button', { name: /^Paper, cover sheet and Part 2 of item/ }).click();
  await page.getByRole('menuitem', { name: 'Paper…' }).click();
  return { item, number, dialog: page.getByRole('dialog') };
};

describe('corrections without damage', () => {
  it('keeps an imported Word table: the editor follows the text, so typing and saving after the import keeps the table', async () => {
    const { page, host, dataDir } = e2e;
    // Arrange: an item with a paper requested and nothing received yet.
    const { item, number, dialog } = await openPaperDialogForNewItem('Neglect audit');
    const text = dialog.getByRole('textbox', { name: /^Text of the paper for item/ });
    await text.waitFor(); // the empty paper opens in the formatted editor

    // Act: import the Word paper (with a table) and, with the dialog still open, add a line and save.
    host.openAnswer.file = join(dataDir, 'neglect.docx');
    writeFileSync(host.openAnswer.file, await wordPaper());
    await dialog.getByRole('button', { name: 'Import from a file…' }).click();
    await dialog.getByText(/Imported\. Check:/).waitFor();
    await dialog.getByText(/it is edited as Markdown so that nothing is lost/).waitFor();
    await text.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nChecked by the business manager.');
    await dialog.getByRole('button', { name: 'Save paper' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Assert: the stored paper still has the table, and the added line.
    const body = findRecord(host.session.store.data, 'agendaItem', item.id)!.paper!.body;
    expect(body).toMatch(/\| Quarter \| Referrals \|/);
    expect(body).toMatch(/\| Q2 \| 241 \|/);
    expect(body).toMatch(/Checked by the business manager\.$/);
    expect(number).not.toBe('');
  });
});

describe('putting the record right, as the secretariat does', () => {
  it('corrects an action’s due date, cancels a meeting (it leaves the planner and the counts), and records a correction to approved minutes that prints with them (attendance frozen too), and schedules a deep dive that is then an agenda item in the pack', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();

    // An action's due date, with why.
    const action = listRecords(host.session.store.data, 'action').find((a) => a.status !== 'done')!;
    await q.nav('Actions').click();
    await page.getByRole('button', { name: `Correct the action: ${action.text.slice(0, 60)}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Due date/).fill('2027-03-31');
    await dialog.getByLabel(/^Why/).fill('The chair agreed more time');
    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(/due date from .* to 31 March 2027 because The chair agreed more time/).waitFor();
    expect(findRecord(host.session.store.data, 'action', action.id)!.dueDate).toBe('2027-03-31');

    // A meeting called off: kept in the list as cancelled, gone from the planner.
    const third = findRecord(host.session.store.data, 'meeting', 'meeting:ct-third')!;
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(third.date)).click();
    await page.getByRole('button', { name: 'Cancel the meeting…' }).click();
    await dialog.getByLabel(/^Why it is cancelled/).fill('Not quorate: three partners sent apologies');
    await dialog.getByRole('button', { name: 'Cancel the meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Cancelled on .*: Not quorate/).waitFor();
    await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(third.date)).getByText('Cancelled').waitFor();
    await q.nav('Deep dives').click();
    await page.getByRole('heading', { name: 'Deep-dive planner', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Unscheduled themes' }).waitFor();
    expect(await page.getByRole('region', { name: `Meeting of ${formatUkDate(third.date)}` }).count()).toBe(0);

    // Approved minutes: frozen, corrected by a record agreed at the next meeting, printed with them.
    const next = listRecords(host.session.store.data, 'agendaItem').find((i) => i.meetingId === 'meeting:ct-next' && i.standing === 'minutes')!;
    await host.session.store.run('minutes:approve', { meetingId: 'meeting:ct-held', atAgendaItemId: next.id, minuteRef: 'CT/20', confirmed: true });
    const held = findRecord(host.session.store.data, 'meeting', 'meeting:ct-held')!;
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(held.date)).click();
    await q.meetings.tab('Minutes').click();
    await page.getByText(/These minutes are approved/).waitFor();
    await page.getByRole('button', { name: 'Record a correction…' }).click();
    await dialog.getByLabel(/^What changed/).fill('The audit covered 40 cases, not 14.');
    await dialog.getByLabel(/^Why/).fill('A typing error in the draft.');
    await screenshot(page, 'minutes-correction.png');
    await dialog.getByRole('button', { name: 'Record the correction' }).click();
    await dialog.waitFor({ state: 'detached' });
    host.saveAnswer.folder = dataDir;
    await page.getByRole('radio', { name: /^Full/ }).click();
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('menuitem', { name: 'Minutes (Word)' }).click();
    await expect.poll(() => readdirSync(dataDir).find((f) => /minutes/i.test(f) && f.endsWith('.docx'))).toBeTruthy();
    const file = readdirSync(dataDir).find((f) => /minutes/i.test(f) && f.endsWith('.docx'))!;
    const text = readPackage(readFileSync(join(dataDir, file))).text;
    expect(text).toMatch(/Corrections agreed since approval/);
    expect(text).toMatch(/Agreed at the meeting of .*: The audit covered 40 cases, not 14\. Reason: A typing error in the draft\./);

    // Attendance at approved minutes is frozen too, and the tab says how to put it right.
    await q.meetings.tab('Attendance and quorum').click();
    await page.getByText('The minutes of this meeting are approved').waitFor();
    expect(await page.getByRole('radio', { name: 'Present' }).first().isDisabled()).toBe(true);

    // The chair's plan drives the agenda: a theme moved to the next meeting is on its agenda, and in the pack as that item.
    const coming = findRecord(host.session.store.data, 'meeting', 'meeting:ct-next')!;
    await q.nav('Deep dives').click();
    await page.getByRole('combobox', { name: 'Move “Children missing education” to' }).selectOption(coming.id);
    await page.getByRole('button', { name: 'Move “Children missing education” to the chosen meeting' }).click();
    await expect.poll(() => listRecords(host.session.store.data, 'agendaItem').find((i) => i.deepDiveId === 'deepDive:missing-education')?.meetingId).toBe(coming.id);
    await q.nav('Board pack').click();
    await q.pack.heading.waitFor();
    await q.pack.build.click();
    await q.pack.overrideReason.fill('The briefing follows; agreed with the chair');
    await q.pack.buildAnyway.click();
    await page.getByText('Pack saved', { exact: true }).waitFor();
    const [build] = listRecords(host.session.store.data, 'packBuild');
    const pack = readPackage(readFileSync(build.filePath)).text;
    const item = listRecords(host.session.store.data, 'agendaItem').find((i) => i.deepDiveId === 'deepDive:missing-education')!;
    const number = numberedAgenda(meetingItems(host.session.store.data, coming.id)).find((n) => n.item.id === item.id)!.number;
    expect(pack).toMatch(new RegExp(`\\b${number}\\s+\\S+\\s+Deep dive: Children missing education`));
    expect(pack).toContain(`For agenda item ${number}.`);
  });
});

describe('keyboard and focus', () => {
  it('saves a single-field dialog with Enter and puts focus back on the button that opened it', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('People and boards').click();
    await page.getByRole('tab', { name: 'Organisations' }).click();
    const opener = page.getByRole('button', { name: 'Add an organisation…' });
    await opener.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Eastmere Youth Justice Service');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(listRecords(host.session.store.data, 'organisation').some((o) => o.name === 'Eastmere Youth Justice Service')).toBe(true);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe('Add an organisation…');

    // A confirmation too: keeping the item puts focus back on its Remove button.
    await host.session.store.run('agenda:draft', { meetingId: 'meeting:scp-next' });
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Safeguarding Children Partnership', '').first().click();
    await q.meetings.agendaItems.first().waitFor();
    await page.getByRole('button', { name: 'Remove item 2' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: /^(Keep|Cancel)/ }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label'))).toBe('Remove item 2');
  });
});

describe('more corrections where the officer expects them', () => {
  it('rewords a resolution before the minutes are approved, and plans another meeting from the planner when the ToR asks for more', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    const resolution = listRecords(host.session.store.data, 'resolution').find((r) => r.meetingId === 'meeting:ct-held')!;
    const held = findRecord(host.session.store.data, 'meeting', 'meeting:ct-held')!;
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(held.date)).click();
    await q.meetings.tab('Minutes').click();
    await page.getByRole('button', { name: new RegExp(`^Reword resolution ${resolution.number} on item`) }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Resolution/).fill('The Board noted the report and asked for a further update in six months.');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(findRecord(host.session.store.data, 'resolution', resolution.id)!.text).toBe('The Board noted the report and asked for a further update in six months.');

    await q.nav('Deep dives').click();
    await page.getByText(/2 meetings planned in the next twelve months; the terms of reference ask for 3 a year/).waitFor();
    await page.getByRole('button', { name: 'Plan another meeting…' }).click();
    await dialog.getByLabel('Date').fill('2027-07-13');
    await dialog.getByRole('button', { name: 'Plan the meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Meeting of 13 July 2027' }).waitFor();
    await expect.poll(() => page.getByText(/the terms of reference ask for 3 a year/).count()).toBe(0);
  });
});

describe('undo for the last destructive act', () => {
  it('puts back an agenda item removed by mistake from the Undo bar, with its paper, and says so', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Meetings').click();
    const next = findRecord(host.session.store.data, 'meeting', 'meeting:ct-next')!;
    await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(next.date)).click();
    const items = () => listRecords(host.session.store.data, 'agendaItem').filter((i) => i.meetingId === next.id);
    const before = items().length;
    // An item with a paper received: removing it by mistake would lose the paper too.
    const removed = items().find((i) => i.paper?.status === 'received')!;
    const row = q.meetings.agendaItem(removed.title);
    await row.getByRole('button', { name: /^Remove item/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => items().length).toBe(before - 1);
    const undo = page.getByRole('button', { name: /^Undo: Took .* off the agenda/ });
    await undo.waitFor();
    await screenshot(page, 'undo.png');
    await undo.click();

    await page.getByRole('status').getByText(/^Undone: Took .* off the agenda/).waitFor();
    await expect.poll(() => items().length).toBe(before);
    await q.meetings.agendaItem(removed.title).waitFor();
    expect(await page.getByRole('button', { name: /^Undo:/ }).count()).toBe(0);
    expect(findRecord(host.session.store.data, 'agendaItem', removed.id)).toMatchObject({ title: removed.title, order: removed.order, paper: removed.paper });
  });
});

describe('Word in, exactly', () => {
  it('asks what becomes of tracked changes and comments left in a Word paper, and keeps them showing when asked', async () => {
    const { host, dataDir } = e2e;
    const { item, dialog } = await openPaperDialogForNewItem('Practice update');
    host.openAnswer.file = join(dataDir, 'Practice update.docx');
    writeFileSync(host.openAnswer.file, await reviewedPaper());

    await dialog.getByRole('button', { name: 'Import from a file…' }).click();
    await dialog.getByText('Practice update.docx still has 2 tracked changes and 1 comment (by Amira Haddad, Priya Nair)').waitFor();
    // Nothing is imported until the officer says what becomes of them.
    expect(findRecord(host.session.store.data, 'agendaItem', item.id)!.paper?.body ?? '').toBe('');
    await dialog.getByRole('button', { name: 'Keep them showing' }).click();
    await dialog.getByText(/They were kept: deleted text is struck through/).waitFor();
    expect(findRecord(host.session.store.data, 'agendaItem', item.id)!.paper!.body).toContain('Referrals rose by ~~12%~~14% this year');
  });
});
