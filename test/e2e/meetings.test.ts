import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { findRecord, listRecords } from '../../shared/data';
import { readPackage } from '../docxPackage';
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';

const e2e = useE2E();

/** Chooses the option whose text matches, as a user picks from a list they read. */
const selectByText = async (select: Locator, text: RegExp) => {
  const read = () => select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as { value: string }).value, text: (o as { textContent: string }).textContent })));
  // The list may still be loading: wait for the option to appear, as a user would.
  await expect.poll(async () => (await read()).some((o) => text.test(o.text)), { message: `an option matching ${text}` }).toBe(true);
  const option = (await read()).find((o) => text.test(o.text))!;
  await select.selectOption(option.value);
};

describe('a meeting, end to end', () => {
  it('drafts the agenda from the forward plan, records attendance with a substitute, minutes an item, and carries the action to the next meeting and its pack', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    const m = q.meetings;
    await q.startWithExample();
    await q.nav('Meetings').click();
    await m.heading.waitFor();
    const scp = findRecord(host.session.store.data, 'meeting', 'meeting:scp-next')!;
    await m.meeting('Eastmere Safeguarding Children Partnership', '').first().click();
    await expect.poll(() => m.meetingHeading.innerText()).toBe('Eastmere Safeguarding Children Partnership');

    // Agenda from the standing items, the forward plan and the deep dive.
    await m.draftAgenda.click();
    await expect.poll(() => m.agendaItems.count()).toBe(8);
    expect(await m.agendaItem('Annual safeguarding report').innerText()).toMatch(/11:05–11:25/);
    expect(await m.agendaItem('Deep dive: Child exploitation').innerText()).toMatch(/10:20–11:05/);
    await m.moveUp(5).click(); // the report before the deep dive, by keyboard-reachable button
    await expect.poll(() => m.agendaItems.nth(3).innerText()).toMatch(/10:20–10:40[\s\S]*Annual safeguarding report/);
    await m.agendaItem('Deep dive: Child exploitation').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => m.agendaItems.nth(3).innerText()).toMatch(/Deep dive: Child exploitation/);
    // And by dragging: Partner updates dropped onto item 2 takes its place.
    await m.agendaItem('Partner updates').dragTo(m.agendaItems.nth(1));
    await expect.poll(() => m.agendaItems.nth(1).innerText()).toMatch(/10:05–10:20[\s\S]*Partner updates/);
    await m.agendaItem('Partner updates').dragTo(m.agendaItems.nth(6));
    await expect.poll(() => m.agendaItems.nth(5).innerText()).toMatch(/Partner updates/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'meeting-agenda.png');

    // Attendance: a substitute where the ToR allows one, and quorum checked live.
    await m.tab('Attendance and quorum').click();
    await expect.poll(() => m.quorum.innerText()).toMatch(/Not quorate/);
    await m.attendance('Owen Pritchard', 'Present').click();
    await m.attendance('Sarah Whitcombe', 'Present').click();
    await m.attendance('Dr Priya Nair', 'Present').click();
    await expect.poll(() => m.quorum.innerText()).toMatch(/Not quorate[\s\S]*2 agencies represented; 3 needed/);
    await m.substituteFor('DCI Mark Ellery').click();
    await selectByText(m.substituteDialog.person, /^Joan Fairley/);
    await m.substituteDialog.save.click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Fluent hides the page from screen readers while a dialog is open; wait until it is given back.
    await expect.poll(() => page.locator('#root').getAttribute('aria-hidden')).toBeNull();
    await expect.poll(() => m.quorum.innerText()).toMatch(/^Quorate/);
    expect(await page.getByText('Joan Fairley attended in place').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'meeting-attendance.png');

    // Minutes: the report item with a resolution and an action.
    await m.tab('Minutes').click();
    // Typed in the formatted editor, then a word made bold from its toolbar: stored as Markdown.
    await m.minutesOf(5).fill('The Independent Scrutineer presented the annual report. Partners asked about exploitation data.');
    await m.minutesOf(5).getByText('exploitation', { exact: false }).first().waitFor();
    await page.evaluate(`(() => {
      const box = [...document.querySelectorAll('[contenteditable=true]')].find((e) => (e.getAttribute('aria-label') || '').startsWith('Minutes of item 5,'));
      const text = [...box.querySelectorAll('p')].map((p) => p.firstChild).find((n) => n && n.textContent.includes('exploitation'));
      const at = text.textContent.indexOf('exploitation');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'exploitation'.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    })()`);
    await page.getByRole('toolbar', { name: /^Formatting for Minutes of item 5,/ }).getByRole('button', { name: 'Bold' }).click();
    await m.saveMinute(5).click();
    await expect
      .poll(() => listRecords(host.session.store.data, 'agendaItem').find((i) => i.meetingId === scp.id && i.title === 'Annual safeguarding report')?.minutes)
      .toBe('The Independent Scrutineer presented the annual report. Partners asked about **exploitation** data.');
    await m.newResolution(5).fill('The Partnership approves the annual safeguarding report for publication.');
    await m.addResolution(5).click();
    await expect.poll(() => m.resolutions(5).count()).toBe(1);
    const section = m.actionSection(5);
    await m.newAction(5).fill('Publish the annual report on the partnership website');
    await selectByText(section.getByRole('combobox', { name: 'Owner' }), /^Owen Pritchard/);
    await section.getByLabel('Due').fill('2027-03-31');
    await section.getByRole('button', { name: 'Raise action' }).click();
    await section.getByText('Publish the annual report on the partnership website: Owen Pritchard').waitFor();
    await m.markHeld.click();
    await expect.poll(() => findRecord(host.session.store.data, 'meeting', scp.id)!.status).toBe('held');

    // The draft minutes in Word, through the save dialog.
    host.saveAnswer.folder = dataDir;
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('menuitem', { name: 'Minutes (Word)' }).click();
    const saved = page.getByText(/^Saved .*minutes \(public\)\.docx/);
    await saved.waitFor();
    const minutesFile = (await saved.innerText()).match(/^Saved (.*\.docx)/)![1];
    const minutes = readPackage(readFileSync(minutesFile)).text;
    expect(minutes).toContain('Joan Fairley');
    expect(minutes).toContain('attended in place of DCI Mark Ellery');
    expect(minutes).toContain('The Partnership approves the annual safeguarding report for publication.');
    expect(minutes).toContain('Publish the annual report on the partnership website');
    expect(await seriousViolations(page)).toEqual([]);

    // The next meeting: planned, drafted, and its action log and pack carry the action.
    await m.planMeeting.click();
    await m.planDialog.board.selectOption({ label: 'Eastmere Safeguarding Children Partnership' });
    await m.planDialog.date.fill('2027-04-20');
    await m.planDialog.save.click();
    await page.getByText('Tuesday 20 April 2027', { exact: false }).first().waitFor();
    await m.draftAgenda.click();
    await expect.poll(() => m.agendaItems.count()).toBe(6);

    await q.nav('Actions').click();
    await q.actions.board.selectOption({ label: 'Safeguarding Partnership' });
    await expect.poll(() => q.actions.table.innerText()).toMatch(/Publish the annual report on the partnership website[\s\S]*Owen Pritchard/);

    await q.nav('Board pack').click();
    await selectByText(q.pack.meeting, /20 April 2027/);
    host.saveAnswer.folder = dataDir;
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/error/);
    await q.pack.build.click();
    if (await q.pack.overrideReason.isVisible().catch(() => false)) {
      await q.pack.overrideReason.fill('Checking the action log');
      await q.pack.buildAnyway.click();
    }
    await page.getByText('Pack saved', { exact: true }).waitFor();
    const [build] = listRecords(host.session.store.data, 'packBuild');
    const pack = readPackage(readFileSync(build.filePath));
    expect(pack.text).toContain('Publish the annual report on the partnership website');
    expect(pack.text).toContain('The Partnership approves the annual safeguarding report for publication.');
  });
});

describe('between meetings', () => {
  it('chases papers from the outstanding list, takes one in as typed text, and updates an action in the log', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();

    await q.nav('Papers').click();
    const papers = page.getByRole('table', { name: 'Papers outstanding' });
    await expect.poll(() => papers.innerText()).toMatch(/Children and Young People’s Plan: annual refresh\s+Dr Leah Donnelly\s+Children’s Trust, 15 December 2026\s+7 December 2026\s+14 days left/);
    // On a laptop's window the paper's title keeps over a quarter of the table (a sixth with fixed widths).
    expect(await q.firstColumnShare('Papers outstanding')).toBeGreaterThan(0.25);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'papers.png');

    await page.getByRole('button', { name: 'Open meeting: Children and Young People’s Plan: annual refresh' }).click();
    await expect.poll(() => q.meetings.meetingHeading.innerText()).toBe('Eastmere Children’s Trust Board');
    await page.getByRole('button', { name: 'Paper, cover sheet and Part 2 of item 6' }).click();
    await page.getByRole('menuitem', { name: 'Paper…' }).click();
    await page.getByRole('textbox', { name: 'Text of the paper for item 6' }).fill('## Summary\n\nThe refreshed plan keeps four priorities.');
    await page.getByRole('button', { name: 'Save paper' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => q.meetings.agendaItem('Children and Young People’s Plan').innerText()).toMatch(/Paper received/);
    // Replacing a received paper from a file is asked about first; keeping it changes nothing.
    await page.getByRole('button', { name: 'Paper, cover sheet and Part 2 of item 6' }).click();
    await page.getByRole('menuitem', { name: 'Paper…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Replace from a file…' }).click();
    await page.getByText(/The file you choose replaces the paper’s text/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Keep the current text' }).click();
    expect(host.openDialogs).toEqual([]); // no file dialog was opened
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(listRecords(host.session.store.data, 'agendaItem').find((i) => i.id === 'agendaItem:next-6')!.paper!.body).toContain('four priorities');
    await q.nav('Papers').click();
    await expect.poll(() => papers.innerText()).not.toMatch(/Children and Young People’s Plan/);

    await q.nav('Actions').click();
    const log = q.actions.table;
    await expect.poll(() => log.innerText()).toMatch(/Confirm health representation at the front door’s daily meeting/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'actions.png');
    await page.getByRole('button', { name: /^Update the action: Confirm health representation/ }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Status' }).selectOption('done');
    await page.getByRole('dialog').getByRole('textbox', { name: /Update/ }).fill('Named nurses now attend every day.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save update' }).click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('done');
    await expect.poll(() => log.innerText()).toMatch(/Confirm health representation[\s\S]*Latest: Named nurses now attend every day\.[\s\S]*Done/);
    expect(findRecord(host.session.store.data, 'action', 'action:health-at-front-door')).toMatchObject({ status: 'done' });
  });
});
