import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useMailServer } from '../mailServer';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { clockOnDay, type Clock } from '../../shared/clock';
import { listRecords, type StoreData } from '../../shared/data';
import { numberedAgenda } from '../../shared/rules/agenda';
import { firstTorFields } from '../../shared/rules/torDraft';
import { wordPaper } from '../fixtures/papers';
import type { Host } from './host';

/**
 * Papers cleared and chased, on a partnership set up from empty in the app: a Health and Wellbeing Board
 * meeting of six papers on Tuesday 9 March 2027, whose papers are due five clear working days
 * before (Monday 1 March). The outbox asks for each paper six weeks ahead (Tuesday 26 January),
 * reminds three working days before the deadline (Wednesday 24 February) and chases the day after
 * (Tuesday 2 March); each goes through a mail server on 127.0.0.1 and is read back as a mail
 * client would. Finance and legal clear every decision paper.
 */
const mail = useMailServer();
const day = { today: '2027-01-25' };
const movingClock = (): Clock => ({ now: () => clockOnDay(day.today).now(), today: () => day.today });
const e2e = useE2E({ clock: () => ((day.today = '2027-01-25'), movingClock()) });

/** In the Part 2 paper's working title only: it must never reach a message. */
const PART2_TOKEN = 'Provider QX-4471';
const PAPERS = [
  { title: 'Pharmaceutical needs assessment 2027', purpose: 'decision', author: 'Mina Farrow' },
  { title: 'Better Care Fund plan 2027–28', purpose: 'decision', author: 'Jon Keel' },
  { title: `Community equipment contract: award to ${PART2_TOKEN}`, purpose: 'decision', author: 'Sara Lund', part2: { paragraph: 3, reason: 'Commercial terms of the bidders; the public interest in keeping them exempt outweighs the public interest in disclosing them while the contract is let.', publicTitle: 'Community equipment contract' } },
  { title: 'Joint strategic needs assessment: update', purpose: 'discussion', author: 'Tariq Bell' },
  { title: 'Healthy weight strategy: progress', purpose: 'discussion', author: 'Una Moss' },
  { title: 'Health protection annual report', purpose: 'noting', author: 'Vic Hale' },
] as const;
const shown = (p: (typeof PAPERS)[number]) => ('part2' in p ? p.part2.publicTitle : p.title);

/**
 * What the secretariat set up before the story: "Start empty" in the app, then, through the
 * operations the app's own screens call, the council and its people with their e-mail addresses,
 * the board with approved terms of reference, finance and legal clearance of decision papers, and
 * the meeting with its six papers asked of their authors.
 */
const arrange = async (page: Page, host: Host) => {
  const q = quorumPage(page);
  await q.firstRun.partnershipName.fill('Harrowfield Partnership');
  await q.firstRun.startEmpty.click();
  await page.getByRole('region', { name: 'Set up your partnership' }).waitFor();
  const run = (name: string, input: unknown) => host.session.store.run(name as never, input as never);
  const data = (): StoreData => host.session.store.data;
  await run('organisations:add', { name: 'Harrowfield Council', kind: 'council' });
  const org = listRecords(data(), 'organisation')[0].id;
  const email = (name: string) => `${name.toLowerCase().replace(' ', '.')}@harrowfield.example`;
  for (const name of [...PAPERS.map((p) => p.author), 'Aled Price', 'Bea Okafor', 'Rhona Tull']) await run('people:add', { name, jobTitle: '', organisationId: org, email: email(name), phone: '' });
  const person = (name: string) => listRecords(data(), 'person').find((p) => p.name === name)!.id;
  await run('boards:add', { name: 'Harrowfield Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
  const boardId = listRecords(data(), 'board')[0].id;
  await run('tor:saveDraft', { boardId, ...firstTorFields(day.today), members: [{ key: 'chair', role: 'Chair', organisationId: org, personId: person('Rhona Tull'), deputyAllowed: true, voting: true }], chairMemberKey: 'chair' });
  await run('tor:approve', { torId: listRecords(data(), 'tor')[0].id, date: '2027-01-05', minuteRef: '' });
  await run('boards:setClearances', {
    boardId,
    rules: [
      { key: 'finance', label: 'Finance', paperKinds: ['decision'], personId: person('Aled Price') },
      { key: 'legal', label: 'Legal', paperKinds: ['decision'], personId: person('Bea Okafor') },
    ],
  });
  await run('meetings:create', { boardId, date: '2027-03-09', startTime: '14:00', endTime: '16:00', venue: 'Civic Centre' });
  const meetingId = listRecords(data(), 'meeting')[0].id;
  for (const p of PAPERS) {
    await run('agenda:add', { meetingId, title: p.title, purpose: p.purpose, durationMinutes: 15, presenterIds: [person(p.author)], paperRequested: true, authorPersonId: person(p.author) });
    if ('part2' in p) await run('agenda:setPartTwo', { agendaItemId: itemOf(data(), p.title).id, part2: p.part2 });
  }
  return { run, data };
};

const itemOf = (data: StoreData, title: string) => listRecords(data, 'agendaItem').find((i) => i.title === title)!;

/** A paper as its author sends it: the cover sheet filled in as the board asks, and the report (unless it came in from Word). */
const receive = async (run: (name: string, input: unknown) => Promise<unknown>, data: () => StoreData, title: string, report = true) => {
  const item = itemOf(data(), title);
  await run('paper:updateCoverSheet', {
    agendaItemId: item.id,
    coverSheet: {
      ...item.paper!.coverSheet,
      executiveSummary: `What ${title} sets out, and what the board is asked to decide.`,
      recommendations: ['The board is asked to approve the recommendations in section 3.'],
      implications: { finance: 'Within the agreed budget.', legal: 'The board has the power to decide this.', equalities: 'An equality impact assessment is attached.', risk: 'Set out in section 4.' },
      backgroundPapers: 'None',
    },
  });
  if (report) await run('paper:updateBody', { agendaItemId: item.id, body: `## Background\n\n${title}: the detail for the board.\n\n## Recommendations\n\nAs on the cover sheet.` });
};

/** Days pass: the window opens again on the new day, at the Outbox. */
const moveTo = async (page: Page, date: string) => {
  day.today = date;
  await page.reload();
  const q = quorumPage(page);
  await q.nav('Outbox').click();
  await q.outbox.due.or(page.getByText('Nothing is due.', { exact: true })).first().waitFor();
};

/** Sends every message due through the test's mail server; returns those the server received. */
const sendAll = async (page: Page) => {
  const q = quorumPage(page);
  const before = mail.delivered.length;
  await q.outbox.chooseAll.click();
  const chosen = await q.outbox.chosen.count();
  const dueAsSaid = await q.outbox.sendAndReadDueAsSaid();
  await q.outbox.status.getByText(new RegExp(`^Sent ${chosen}`)).waitFor();
  // "Sent 6" shows only once the list has been read again: none of those sent is listed beside it.
  const sent = mail.delivered.slice(before);
  expect(dueAsSaid.filter((subject) => sent.some((m) => m.subject === subject))).toEqual([]);
  return sent;
};
const to = (m: (typeof mail.delivered)[number]) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));

describe('papers cleared, chased and fit to read', () => {
  it('asks for six papers on the day six weeks ahead, reminds and chases on the expected dates, sends each once through the mail server, and never lets the Part 2 title out', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    const { run, data } = await arrange(page, host);
    const before = mail.delivered.length;

    // Monday 25 January: nothing is due yet.
    await moveTo(page, '2027-01-25');
    expect(await q.outbox.dueRows()).toEqual([]);

    // Tuesday 26 January, six weeks ahead: a request to each author, with the deadline in clear working days.
    await moveTo(page, '2027-01-26');
    const requests = await q.outbox.dueRows();
    expect(requests).toHaveLength(6);
    for (const p of PAPERS) expect(requests).toContainEqual(expect.stringMatching(new RegExp(`^26 January 2027\\s+Paper requested: ${escape(shown(p))} \\(Harrowfield Health and Wellbeing Board, Tuesday 9 March 2027\\)\\s+Paper request to ${p.author}`)));
    await q.outbox.useServer(mail.port, { address: 'secretariat@harrowfield.example', name: 'Harrowfield Partnership Secretariat' });
    await q.outbox.saveServer.click();
    await q.outbox.saveServer.waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    const asked = await sendAll(page);
    expect(asked.map((m) => [to(m)[0], m.subject]).sort()).toEqual(PAPERS.map((p) => [`${p.author.toLowerCase().replace(' ', '.')}@harrowfield.example`, `Paper requested: ${shown(p)} (Harrowfield Health and Wellbeing Board, Tuesday 9 March 2027)`]).sort());
    for (const m of asked) expect(m.text).toContain('by Monday 1 March 2027 (5 clear working days before the meeting, as the board\'s terms of reference require)');
    expect(await q.outbox.dueRows()).toEqual([]);

    // Four papers arrive over February: one from Word, imported on the Board pack screen; three typed in from e-mails.
    day.today = '2027-02-15';
    await page.reload();
    await q.nav('Board pack').click();
    const numbered = numberedAgenda(listRecords(data(), 'agendaItem'));
    const number = (title: string) => numbered.find(({ item }) => item.title === title)!.number;
    const folder = join(e2e.dataDir, '..', `${e2e.dataDir.split('/').pop()}-papers`);
    mkdirSync(folder, { recursive: true });
    host.openAnswer.file = join(folder, 'PNA 2027.docx');
    writeFileSync(host.openAnswer.file, await wordPaper());
    await q.pack.importPaper(number(PAPERS[0].title)).click();
    await page.getByText('Imported PNA 2027.docx').waitFor();
    await receive(run, data, PAPERS[0].title, false);
    expect(itemOf(data(), PAPERS[0].title).paper!.body).toContain('Referrals for neglect rose by');
    for (const p of PAPERS.slice(1, 4)) await receive(run, data, p.title);

    // Wednesday 24 February: reminders to the two authors still to send, and clearance requests for the three decision papers.
    await moveTo(page, '2027-02-24');
    const due = await q.outbox.dueRows();
    expect(due.filter((r) => r.includes('Reminder to'))).toEqual([
      // On a day, by subject: the same order on every machine.
      expect.stringMatching(/^24 February 2027\s+Reminder: paper due 1 March 2027: Health protection annual report\s+Reminder to Vic Hale/),
      expect.stringMatching(/^24 February 2027\s+Reminder: paper due 1 March 2027: Healthy weight strategy: progress\s+Reminder to Una Moss/),
    ]);
    expect(due.filter((r) => r.includes('Clearance request to'))).toHaveLength(6);
    const reminded = await sendAll(page);
    expect(reminded.filter((m) => m.subject?.startsWith('Reminder:')).map((m) => to(m)[0]).sort()).toEqual(['una.moss@harrowfield.example', 'vic.hale@harrowfield.example']);
    const clearing = reminded.filter((m) => m.subject?.includes('clearance requested'));
    expect(clearing.map((m) => `${to(m)[0]}: ${m.subject}`).sort()).toEqual(
      ['aled.price@harrowfield.example: Finance', 'bea.okafor@harrowfield.example: Legal'].flatMap((who) => PAPERS.slice(0, 3).map((p) => `${who} clearance requested: ${shown(p)} (Harrowfield Health and Wellbeing Board, Tuesday 9 March 2027)`)).sort(),
    );
    for (const m of clearing) expect(m.text).toContain('The papers go out by Monday 1 March 2027.');

    // The healthy weight paper arrives on Thursday 25 February; the health protection report does not.
    day.today = '2027-02-25';
    await receive(run, data, PAPERS[4].title);
    await moveTo(page, '2027-03-01');
    expect(await q.outbox.dueRows()).toEqual([]);
    await moveTo(page, '2027-03-02');
    expect(await q.outbox.dueRows()).toEqual([expect.stringMatching(/^2 March 2027\s+Paper overdue: Health protection annual report \(Harrowfield Health and Wellbeing Board, Tuesday 9 March 2027\)\s+Chaser to Vic Hale/)]);
    const chased = await sendAll(page);
    expect(chased.map((m) => to(m)[0])).toEqual(['vic.hale@harrowfield.example']);
    expect(chased[0].text).toContain('was due by Monday 1 March 2027');
    await screenshot(page, 'outbox-chaser.png');

    // Every message went once, and none named the Part 2 paper by its working title.
    const delivered = mail.delivered.slice(before);
    expect(delivered).toHaveLength(6 + 8 + 1);
    for (const m of delivered) expect(`${m.subject} ${m.text}`).not.toContain(PART2_TOKEN);
    expect(listRecords(data(), 'message').filter((m) => m.status === 'sent')).toHaveLength(15);
  });

  it('blocks the pack while the one decision paper lacking legal clearance lacks it, and resets a finance clearance when the paper’s text changes', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    const { run, data } = await arrange(page, host);
    day.today = '2027-02-22';
    for (const p of PAPERS) await receive(run, data, p.title);
    await page.reload();
    await q.nav('Board pack').click();
    await q.pack.variant('Full').click();
    const numbered = numberedAgenda(listRecords(data(), 'agendaItem'));
    const number = (title: string) => numbered.find(({ item }) => item.title === title)!.number;
    const [pna, bcf, equipment] = PAPERS.map((p) => number(p.title));
    await expect.poll(() => q.clearance.states(pna)).toEqual(['Finance: missing', 'Legal: missing']);

    // The clearances arrive by e-mail and are typed in: finance on all three decision papers, legal on two.
    const give = async (n: number, key: 'finance' | 'legal', comment: string) => {
      await q.clearance.button(n).click();
      await q.clearance.dialog.getByRole('combobox', { name: 'Clearance' }).selectOption(key);
      await q.clearance.dialog.getByRole('textbox', { name: 'Their comment' }).fill(comment);
      await q.clearance.dialog.getByRole('button', { name: 'Record the clearance' }).click();
      await q.clearance.dialog.waitFor({ state: 'detached' });
    };
    for (const n of [pna, bcf, equipment]) await give(n, 'finance', 'Within the budget the board agreed.');
    for (const n of [pna, equipment]) await give(n, 'legal', 'Lawful; the board has the power.');
    await expect.poll(() => q.clearance.states(pna)).toEqual(['Finance: cleared', 'Legal: cleared']);
    await expect.poll(() => q.clearance.states(bcf)).toEqual(['Finance: cleared', 'Legal: missing']);

    // The pack is blocked by the one paper without legal clearance, and by nothing else.
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/^1 error\b/);
    expect(await q.pack.problems.first().innerText()).toContain(`Item ${bcf} (Better Care Fund plan 2027–28): no legal clearance yet.`);
    await q.pack.build.click();
    await page.getByRole('alertdialog').getByRole('textbox', { name: /Reason for building anyway/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

    // The author sends a corrected summary for the needs assessment: its finance clearance no longer holds.
    await q.pack.coverSheet(pna).click();
    await q.pack.coverDialog.summary.fill('The assessment now covers the two new housing estates in the north of the borough.');
    await q.pack.coverDialog.save.click();
    await expect.poll(() => q.clearance.states(pna)).toEqual(['Finance: reset by a change', 'Legal: reset by a change']);
    await expect.poll(() => q.pack.problems.allInnerTexts()).toContainEqual(expect.stringMatching(new RegExp(`^Item ${pna} \\(Pharmaceutical needs assessment 2027\\): the finance clearance given by Aled Price on 22 February 2027 was reset when the paper's text changed`)));
    await q.clearance.button(pna).click();
    await expect.poll(() => q.clearance.dialog.getByLabel('What changed since it was cleared').first().innerText()).toContain('two new housing estates');
    await screenshot(page, 'clearance-reset.png');
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
