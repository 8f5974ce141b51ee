import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import mammoth from 'mammoth';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { fixedClock } from '../../shared/clock';
import { listRecords, type StoreData } from '../../shared/data';
import { firstTorFields } from '../../shared/rules/torDraft';
import type { Host } from './host';

/**
 * The register of interests at work, on a safeguarding partnership set up from empty in the app
 * (Monday 1 February 2027). A councillor on the partnership is a trustee of Harrowfield Young
 * Carers; the Part 2 paper on the short breaks contract, imported from Word, names the charity.
 * The conflict is flagged on the meeting's Attendance tab and on the cover of the councillor's
 * own copy of the pack, and the board's policy decides whether that copy carries the paper.
 */
const e2e = useE2E({ clock: () => fixedClock('2027-02-01T10:00:00.000Z') });

const CHARITY = 'Harrowfield Young Carers';
/** Only in the Part 2 paper's text: present in a copy that carries it, absent from one that withholds it. */
const PAPER_TOKEN = 'Bid QX-2291 scored highest on quality';
const PART2_TITLE = 'Short breaks: contract award';

const wordPaper = () =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Short breaks for disabled children', heading: HeadingLevel.HEADING_1 }),
            new Paragraph(`${PAPER_TOKEN}. The preferred bidder provides overnight respite with ${CHARITY}, who run the sibling groups.`),
            new Paragraph('The board is asked to award the contract for three years.'),
          ],
        },
      ],
    }),
  );

/**
 * "Start empty" in the app, then through the operations the screens call: the partners and their
 * people, the partnership with approved terms of reference (the three safeguarding partners'
 * seats and the Lead Member's), a meeting on Tuesday 23 February with a Part 2 item and a public
 * one, and the meeting held in January.
 */
const arrange = async (page: Page, host: Host) => {
  const q = quorumPage(page);
  await q.firstRun.partnershipName.fill('Harrowfield Partnership');
  await q.firstRun.startEmpty.click();
  await page.getByRole('region', { name: 'Set up your partnership' }).waitFor();
  const run = (name: string, input: unknown) => host.session.store.run(name as never, input as never);
  const data = (): StoreData => host.session.store.data;
  for (const [name, kind] of [['Harrowfield Council', 'council'], ['Harrowfield Police', 'police'], ['Harrowfield Integrated Care Board', 'health']] as const) await run('organisations:add', { name, kind });
  const org = (name: string) => listRecords(data(), 'organisation').find((o) => o.name === name)!.id;
  const people = [
    ['Sam Pike', 'Harrowfield Council'],
    ['Jo Marsh', 'Harrowfield Council'],
    ['Cllr Nia Brook', 'Harrowfield Council'],
    ['Tom Reyes', 'Harrowfield Police'],
    ['Dr Ama Osei', 'Harrowfield Integrated Care Board'],
    ['Kit Lowe', 'Harrowfield Police'],
  ] as const;
  for (const [name, o] of people) await run('people:add', { name, jobTitle: '', organisationId: org(o), email: '', phone: '' });
  const person = (name: string) => listRecords(data(), 'person').find((p) => p.name === name)!.id;
  await run('boards:add', { name: 'Harrowfield Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference' });
  const boardId = listRecords(data(), 'board')[0].id;
  const seat = (key: string, role: string, o: string, name: string, statutory: boolean) => ({ key, role, organisationId: org(o), personId: person(name), deputyAllowed: key !== 'chair', voting: true, statutory });
  await run('tor:saveDraft', {
    boardId,
    ...firstTorFields('2027-02-01'),
    members: [
      seat('chair', 'Independent Scrutineer (Chair)', 'Harrowfield Council', 'Sam Pike', false),
      seat('la', 'Safeguarding partner: local authority', 'Harrowfield Council', 'Jo Marsh', true),
      seat('police', 'Safeguarding partner: police', 'Harrowfield Police', 'Tom Reyes', true),
      seat('icb', 'Safeguarding partner: Integrated Care Board', 'Harrowfield Integrated Care Board', 'Dr Ama Osei', true),
      seat('member', 'Lead Member for Children', 'Harrowfield Council', 'Cllr Nia Brook', false),
    ],
    chairMemberKey: 'chair',
  });
  await run('tor:approve', { torId: listRecords(data(), 'tor')[0].id, date: '2026-12-01', minuteRef: 'SCP/1' });
  await run('meetings:create', { boardId, date: '2027-01-12', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre', confirmed: true });
  const held = listRecords(data(), 'meeting')[0];
  await run('meetings:update', { meetingId: held.id, date: held.date, startTime: held.startTime, endTime: held.endTime, venue: held.venue, status: 'held', expectedRev: held.rev });
  await run('meetings:create', { boardId, date: '2027-02-23', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre' });
  const next = listRecords(data(), 'meeting').find((m) => m.date === '2027-02-23')!.id;
  await run('agenda:add', { meetingId: next, title: 'Multi-agency audit: neglect', purpose: 'discussion', durationMinutes: 20, presenterIds: [person('Jo Marsh')], paperRequested: true, authorPersonId: person('Jo Marsh') });
  await run('agenda:add', { meetingId: next, title: PART2_TITLE, purpose: 'decision', durationMinutes: 20, presenterIds: [person('Jo Marsh')], paperRequested: true, authorPersonId: person('Jo Marsh') });
  const part2 = listRecords(data(), 'agendaItem').find((i) => i.title === PART2_TITLE)!;
  await run('agenda:setPartTwo', { agendaItemId: part2.id, part2: { paragraph: 3, reason: 'The bidders’ prices; the public interest in keeping them exempt outweighs disclosure while the contract is let.', publicTitle: 'Short breaks contract' } });
  await page.reload();
  return { run, data, person, next };
};

const wordText = async (file: string) => (await mammoth.extractRawText({ buffer: readFileSync(file) })).value.replace(/\s+/g, ' ');

describe('interests declared and conflicts flagged', () => {
  it('flags a councillor’s conflict on the item whose paper names the charity in their register, on the Attendance tab and their own copy of the pack, whose Part 2 paper follows the board’s policy', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    const { person, next } = await arrange(page, host);

    // The paper comes in from Word on the Board pack screen.
    await q.nav('Board pack').click();
    await q.pack.meeting.selectOption(next);
    host.openAnswer.file = join(host.session.dataDir, 'Short breaks award.docx');
    writeFileSync(host.openAnswer.file, await wordPaper());
    await q.pack.variant('Full').click();
    await q.pack.importPaper(2).click();
    await page.getByText('Imported Short breaks award.docx').waitFor();

    // The councillor's register, in the app: a trusteeship, and a sensitive interest that never leaves it.
    await q.nav('Reports and registers').click();
    await q.reports.tab('Register of interests').click();
    await q.reports.register.addFor('Cllr Nia Brook').click();
    await q.reports.register.kind.selectOption('role');
    await q.reports.register.description.fill(`Trustee of ${CHARITY}`);
    await q.reports.register.from.fill('2025-06-01');
    await q.reports.register.save.click();
    await q.reports.register.save.waitFor({ state: 'detached' });
    await screenshot(page, 'reports-register.png');
    await expect.poll(() => q.reports.register.entries('Cllr Nia Brook').allInnerTexts()).toEqual([expect.stringContaining('Kind'), expect.stringMatching(new RegExp(`Trustee of ${CHARITY}.*1 June 2025`, 's'))]);
    expect(await seriousViolations(page)).toEqual([]);

    // Before the meeting: the Attendance tab names the item, the charity and where it was found.
    await q.nav('Meetings').click();
    await q.meetings.meeting('Harrowfield Safeguarding Children Partnership', '23 February 2027').click();
    await q.meetings.tab('Attendance and quorum').click();
    await expect.poll(() => q.meetings.possibleInterests.allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^Cllr Nia Brook: item 2, ${PART2_TITLE}\\. ${CHARITY}, named in the paper; the register: Trustee of ${CHARITY}\\. The board’s policy sends them the item’s Part 2 papers`)),
    ]);
    await screenshot(page, 'interests-attendance-flag.png');

    // The board's policy: sent, then withheld. Their copy's cover says so either way.
    const copyFor = async (name: string) => {
      await q.nav('Board pack').click();
      await q.pack.meeting.selectOption(next);
      await q.pack.variant('Full').click();
      await q.pack.memberCopy.member.selectOption(person(name));
      await q.pack.memberCopy.build.click();
      const why = q.pack.overrideReason;
      if (await why.isVisible().catch(() => false)) {
        await why.fill('Papers still to come; agreed with the chair');
        await q.pack.buildAnyway.click();
      }
      await page.getByText('Pack saved', { exact: true }).waitFor();
      const file = listRecords(host.session.store.data, 'packBuild').sort((a, b) => b.builtAt.localeCompare(a.builtAt) || b.fileName.localeCompare(a.fileName)).find((b) => b.fileName.includes(name))!;
      expect(file.fileName).toBe(`2027-02-23 Safeguarding Partnership board pack (full, for ${name}).docx`);
      return wordText(file.filePath!);
    };
    const sent = await copyFor('Cllr Nia Brook');
    expect(sent).toContain(`For Cllr Nia Brook. You may have an interest in item 2: ${PART2_TITLE} (${CHARITY}, named in the paper; your register: Trustee of ${CHARITY}).`);
    expect(sent).toContain(PAPER_TOKEN);

    await q.nav('People and boards').click();
    await page.getByRole('tab', { name: 'Boards' }).click();
    await q.boards.conflicts('Harrowfield Safeguarding Children Partnership').click();
    await q.boards.conflictPolicy.selectOption('withhold');
    await q.boards.savePolicy.click();
    await q.boards.savePolicy.waitFor({ state: 'detached' });

    const withheld = await copyFor('Cllr Nia Brook');
    expect(withheld).toContain(`You may have an interest in item 2: ${PART2_TITLE}`);
    expect(withheld).toContain(`Under the board’s policy on conflicts of interest, the papers for item 2 (${PART2_TITLE}) are not sent to you.`);
    expect(withheld).not.toContain(PAPER_TOKEN);
    // Another member's copy carries the paper, and tells them nothing about the councillor.
    const other = await copyFor('Tom Reyes');
    expect(other).toContain(PAPER_TOKEN);
    expect(other).toContain('The register of interests shows nothing that this agenda names.');
    expect(other).not.toContain(CHARITY.concat(', named'));
  });

  it('counts the January meeting’s attendance on the Reports screen: the chart and its table, the statutory seat left empty, the reason kept off the public export', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await arrange(page, host);
    await q.nav('Meetings').click();
    await q.meetings.meeting('Harrowfield Safeguarding Children Partnership', '12 January 2027').click();
    await q.meetings.tab('Attendance and quorum').click();
    for (const name of ['Sam Pike', 'Jo Marsh', 'Dr Ama Osei', 'Cllr Nia Brook']) await q.meetings.attendance(name, 'Present').click();
    await q.meetings.attendance('Tom Reyes', 'Apologies').click();
    await q.meetings.absenceReason('Tom Reyes').fill('Called to a major incident');
    await q.meetings.absenceReason('Tom Reyes').blur();
    await expect.poll(() => listRecords(host.session.store.data, 'attendance').find((a) => a.absenceReason)?.absenceReason).toBe('Called to a major incident');

    await q.nav('Reports and registers').click();
    await q.reports.heading.waitFor();
    await q.reports.chart.waitFor();
    expect(await q.reports.memberRow('Tom Reyes').innerText()).toMatch(/^Tom Reyes\s+Harrowfield Police\s+Safeguarding partner: police \(Safeguarding Partnership\)\s+1\s+0\s+0\s+1\s+0\s+0\s+0 of 1 \(0%\)$/);
    expect(await q.reports.memberRow('Jo Marsh').innerText()).toMatch(/1 of 1 \(100%\)$/);
    expect(await q.reports.statutoryRow('Safeguarding partner: police').innerText()).toMatch(/Safeguarding partner: police \(Harrowfield Police\)\s+Safeguarding Partnership\s+1\s+0\s+0\s+1 12 January 2027/);
    expect(await q.reports.chart.getAttribute('aria-label')).toContain('Tom Reyes: 0 of 1 attended');
    expect(await q.reports.reasons.innerText()).toContain('Tom Reyes, 12 January 2027 (Safeguarding Partnership): Called to a major incident');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reports-attendance.png');

    // The public CSV, through the save dialog: the figures without the reason.
    await page.getByRole('combobox', { name: 'Exports' }).selectOption('public');
    await page.getByRole('button', { name: 'Export as CSV…' }).click();
    const saved = page.getByText(/^Saved .*attendance .*\(public\)\.csv/);
    await saved.waitFor();
    const csv = readFileSync((await saved.innerText()).replace(/^Saved (.*\.csv) \(.*$/, '$1'), 'utf8');
    expect(csv).toContain('"Tom Reyes","Harrowfield Police"');
    expect(csv).not.toContain('major incident');

    // The yearly report for April 2026 to March 2027: January's meeting, the police seat left empty, drafted as Word.
    await q.reports.tab('Yearly report').click();
    await q.reports.from.fill('2026-04-01');
    await q.reports.to.fill('2027-03-31');
    await expect.poll(() => q.reports.figure('Meetings held').innerText()).toMatch(/^1\s+Meetings held$/);
    expect(await q.reports.partnersTable.getByRole('row').filter({ hasText: 'Safeguarding partner: police' }).innerText()).toMatch(/Harrowfield Police\s+1\s+0\s+0\s+1$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reports-yearly.png');
    await page.getByRole('button', { name: 'Save the draft as Word…' }).click();
    const draft = page.getByText(/^Saved .*yearly report 2026-04-01 to 2027-03-31 \(draft, public\)\.docx/);
    await draft.waitFor();
    const report = await wordText((await draft.innerText()).replace(/^Saved (.*\.docx) \(.*$/, '$1'));
    expect(report).toContain('Harrowfield Safeguarding Children Partnership: yearly report, 1 April 2026 to 31 March 2027');
    expect(report).toContain('1 meeting held from 1 April 2026 to 31 March 2027; every meeting was quorate.');
    expect(report).not.toContain('major incident');
  });
});
