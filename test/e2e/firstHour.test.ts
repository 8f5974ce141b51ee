import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { listRecords, type StoreData } from '../../shared/data';
import { quorumInWords } from '../../shared/rules/quorumWords';
import { readPackage } from '../docxPackage';
import { CHILDRENS_TRUST_SEATS, childrensTrustTor, HEALTH_AND_WELLBEING_SEATS, healthAndWellbeingTor, listMembershipTor, WESTMOOR_PEOPLE, WESTMOOR_PEOPLE_COLUMNS, writeXlsx } from '../fixtures/imports';

const e2e = useE2E();

const boardNamed = (data: StoreData, shortName: string) => listRecords(data, 'board').find((b) => b.shortName === shortName)!;
const torsOf = (data: StoreData, shortName: string) => listRecords(data, 'tor').filter((t) => t.boardId === boardNamed(data, shortName)?.id);
const personId = (data: StoreData, name: string) => listRecords(data, 'person').find((p) => p.name === name)?.id;

/** "Start empty", then the dashboard's step 3: the office's people sheet, naming three boards Quorum does not have yet. */
const startEmptyWithThePeopleSheet = async ({ page, host, dataDir }: typeof e2e) => {
  const q = quorumPage(page);
  await q.firstRun.partnershipName.fill('Westmoor Children and Families Partnership');
  await q.firstRun.startEmpty.click();
  const steps = page.getByRole('region', { name: 'Set up your partnership' });
  await steps.waitFor();

  // Step 3 of the dashboard: the people, from the sheet the office keeps.
  await steps.getByRole('button', { name: 'Add people' }).click();
  host.openAnswer.file = join(dataDir, 'Westmoor members.xlsx');
  await writeXlsx(host.openAnswer.file, WESTMOOR_PEOPLE_COLUMNS, WESTMOOR_PEOPLE);
  await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
  const preview = page.getByRole('dialog', { name: 'Import people from Westmoor members.xlsx' });
  const named = preview.getByRole('region', { name: 'Boards on the sheet' });
  await named.waitFor();
  // Three board names, none a board yet: each offered as a new board with its name and kind from the sheet, none refused.
  expect(await named.innerText()).toMatch(/“Westmoor SCP” \(rows 2, 3, 4, 5\): not a board of the partnership yet[\s\S]*“the Children’s Trust” \(rows 6, 7, 8\)[\s\S]*“Health & Wellbeing Bord” \(row 9\)/);
  // Once the organisations it names are ticked to be added (the first preview lists them), no row is refused.
  await expect.poll(() => preview.getByRole('region', { name: 'Cannot be imported' }).count()).toBe(0);
  await preview.getByRole('textbox', { name: 'Name of the new board for “Westmoor SCP”' }).fill('Westmoor Safeguarding Children Partnership');
  await named.getByRole('textbox', { name: 'Short name' }).first().fill('Safeguarding Partnership');
  await preview.getByRole('textbox', { name: 'Name of the new board for “Health & Wellbeing Bord”' }).fill('Westmoor Health and Wellbeing Board');
  await named.getByRole('textbox', { name: 'Short name' }).nth(2).fill('Health and Wellbeing Board');
  expect(await named.getByRole('combobox', { name: 'Kind' }).nth(0).inputValue()).toBe('safeguarding-partnership');
  expect(await named.getByRole('combobox', { name: 'Kind' }).nth(1).inputValue()).toBe('childrens-trust');
  expect(await named.getByRole('combobox', { name: 'Kind' }).nth(2).inputValue()).toBe('health-and-wellbeing');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'import-people-boards.png');
  const importPeople = preview.getByRole('button', { name: 'Import 8 people' });
  await expect.poll(() => importPeople.isDisabled()).toBe(false);
  await importPeople.click();
  await preview.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText(/Imported people from Westmoor members\.xlsx: 8 people added, 5 organisations added, 3 boards added, 8 seats in the draft terms of reference of 3 boards/).waitFor();
  return steps;
};

/**
 * The first hour of a new secretariat, from "Start empty", in the order the dashboard gives: the
 * people sheet first (it names boards Quorum does not have yet, as the office names them), then
 * each board's terms of reference from Word onto the draft the sheet started, then meetings and a
 * pack. Their own files, written as a council writes them; nothing of the example.
 */
describe('the first hour from empty', () => {
  it('sets a partnership up in the dashboard’s order from a people sheet and two Word ToRs in different layouts, and reaches a built pack', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    const steps = await startEmptyWithThePeopleSheet(e2e);
    expect(listRecords(host.session.store.data, 'board').map((b) => [b.shortName, b.kind, b.rules]).sort()).toEqual([
      ['Children’s Trust', 'childrens-trust', 'own-terms-of-reference'],
      ['Health and Wellbeing Board', 'health-and-wellbeing', 'council-committee'],
      ['Safeguarding Partnership', 'safeguarding-partnership', 'own-terms-of-reference'],
    ]);

    // The dashboard still guides: the terms of reference are drafts, not yet approved.
    await q.nav('Dashboard').click();
    await expect.poll(() => steps.innerText()).toMatch(/0 of 3 boards approved, 3 in draft/);
    await steps.getByRole('button', { name: 'Write terms of reference' }).click();

    // The Children's Trust's ToR (bold-paragraph headings, a Member column, a "Meetings and quorum" section) onto the sheet's draft.
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Westmoor Children’s Trust' });
    host.openAnswer.file = join(dataDir, 'Children’s Trust ToR.docx');
    writeFileSync(host.openAnswer.file, await childrensTrustTor());
    await page.getByRole('button', { name: 'Import from Word into draft version 1…' }).click();
    const ct = page.getByRole('dialog', { name: /Children’s Trust’s terms of reference from Children’s Trust ToR\.docx/ });
    await ct.getByRole('table', { name: 'Membership' }).waitFor();
    expect(await ct.getByRole('region', { name: 'Seats' }).innerText()).toMatch(/Chair: confirmed \(Cllr Amara Mensah\)[\s\S]*Vice-chair: added \(Nadia Kowalski\)[\s\S]*Youth Council representative: added/);
    expect(await ct.getByRole('region', { name: 'Rule figures the document changes' }).innerText()).toMatch(/Meetings a year: 4 → 6/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-tor.png');
    await ct.getByRole('button', { name: 'Import into draft version 1' }).click();
    await ct.waitFor({ state: 'detached' });

    // The Health and Wellbeing Board's (a council committee's layout: Member, Nominee, Voting) onto its draft.
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Westmoor Health and Wellbeing Board' });
    host.openAnswer.file = join(dataDir, 'HWB terms of reference.docx');
    writeFileSync(host.openAnswer.file, await healthAndWellbeingTor());
    await page.getByRole('button', { name: 'Import from Word into draft version 1…' }).click();
    const hwb = page.getByRole('dialog', { name: /Health and Wellbeing Board’s terms of reference/ });
    await hwb.getByRole('table', { name: 'Membership' }).waitFor();
    await hwb.getByRole('button', { name: 'Import into draft version 1' }).click();
    await hwb.waitFor({ state: 'detached' });

    // The Children's Trust approves its terms of reference.
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Westmoor Children’s Trust' });
    await page.getByRole('button', { name: 'Record approval…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Approved on/).fill('2026-11-20');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'detached' });

    const data = host.session.store.data;
    const p = (name: string) => personId(data, name);
    const [ctTor] = torsOf(data, 'Children’s Trust');
    expect(ctTor.status).toBe('approved');
    expect(ctTor.members.map((m) => [m.role, m.personId, m.voting])).toEqual(CHILDRENS_TRUST_SEATS.map(([role, name, voting]) => [role, name && p(name), voting]));
    expect(ctTor.chairMemberKey).toBe(ctTor.members[0].key);
    expect(ctTor.viceChairMemberKey).toBe(ctTor.members[1].key);
    expect(ctTor.meetingsPerYear).toBe(6);
    expect(ctTor.paperDeadlineWorkingDays).toBe(5);
    expect(ctTor.quorum).toEqual({ minFraction: 1 / 3, requireChairOrVice: true, minAgencies: 3, text: 'One of which must be the local authority.' });
    const [hwbTor] = torsOf(data, 'Health and Wellbeing Board');
    expect(hwbTor.members.map((m) => [m.role, m.personId, m.voting])).toEqual(HEALTH_AND_WELLBEING_SEATS.map(([role, name, voting]) => [role, name && p(name), voting]));
    expect(hwbTor).toMatchObject({ status: 'draft', meetingsPerYear: 4, quorum: { minFraction: 0.25, requireChairOrVice: true, text: 'At least one elected Member.' } });
    // The screen says the rule as the document did.
    await page.getByText(quorumInWords(ctTor.quorum)).waitFor();

    // The year's meetings, then the first meeting's agenda and its public pack.
    await q.nav('Meetings').click();
    await page.getByRole('button', { name: 'Add the year’s meetings…' }).click();
    await dialog.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Children’s Trust' });
    await dialog.getByRole('textbox', { name: /Dates, one per line/ }).fill('second Tuesday of January, March, May, July, September and November at 14:00');
    await dialog.getByRole('spinbutton', { name: /Year/ }).fill('2027');
    await dialog.getByRole('button', { name: 'Plan 6 meetings' }).click();
    await dialog.waitFor({ state: 'detached' });
    await q.meetings.meeting('Westmoor Children’s Trust', '12 January 2027').click();
    await q.meetings.draftAgenda.click();
    await q.meetings.agendaItems.first().waitFor();
    await q.nav('Board pack').click();
    const first = listRecords(host.session.store.data, 'meeting').find((m) => m.date === '2027-01-12')!;
    await q.pack.meeting.selectOption(first.id);
    host.saveAnswer.folder = dataDir;
    await q.pack.buildGivingReason('Our first meeting set up in Quorum');
    const [build] = listRecords(host.session.store.data, 'packBuild');
    const pack = readPackage(readFileSync(build.filePath)).text;
    expect(pack).toContain('Westmoor Children’s Trust');
    expect(pack).toMatch(/12 January 2027/);
    expect(Object.keys(host.session.store.data.records).some((id) => /eastmere|ct-|hwb-|scp-/.test(id))).toBe(false);
  });

  it('imports terms of reference whose membership is a bulleted list: one seat an item, the seat that names no organisation decided on the screen', async () => {
    const { page, host, dataDir } = e2e;
    const steps = await startEmptyWithThePeopleSheet(e2e);
    await quorumPage(page).nav('Dashboard').click();
    await steps.getByRole('button', { name: 'Write terms of reference' }).click();
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Westmoor Health and Wellbeing Board' });
    host.openAnswer.file = join(dataDir, 'HWB terms of reference.docx');
    writeFileSync(host.openAnswer.file, await listMembershipTor());
    await page.getByRole('button', { name: 'Import from Word into draft version 1…' }).click();
    const hwb = page.getByRole('dialog', { name: /Health and Wellbeing Board’s terms of reference/ });
    const seats = hwb.getByRole('table', { name: 'Membership' });
    await seats.waitFor();
    // Numbered by item, as the officer sees the list in Word; the seat with no organisation waits for a decision.
    expect(await seats.getByRole('columnheader').first().innerText()).toBe('Item');
    expect(await seats.getByRole('row').nth(1).innerText()).toMatch(/^1\s+Leader of the Council \(chair\)\s+Westmoor Borough Council, Cllr Amara Mensah’s organisation\s+Cllr Amara Mensah\s+Yes\s+Seat, person matched$/);
    expect(await hwb.getByRole('region', { name: 'Seats' }).innerText()).toMatch(/Leader of the Council: added \(Cllr Amara Mensah\)[\s\S]*Director of Public Health: confirmed \(Dr Femi Adeyemi\)[\s\S]*Representative of Westmoor CVS: added/);
    const importButton = hwb.getByRole('button', { name: 'Import into draft version 1' });
    expect(await importButton.isDisabled()).toBe(true);
    await hwb.getByText('Decide the seat marked above first.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-tor-list.png');
    await hwb.getByRole('combobox', { name: 'Decision for Director of Adult Social Care' }).selectOption({ label: 'Seat of Westmoor Borough Council' });
    await expect.poll(() => importButton.isDisabled()).toBe(false);
    await importButton.click();
    await hwb.waitFor({ state: 'detached' });

    const data = host.session.store.data;
    const [tor] = torsOf(data, 'Health and Wellbeing Board');
    const organisation = (id: string) => listRecords(data, 'organisation').find((o) => o.id === id)?.name;
    expect(tor.members.map((m) => [m.role, organisation(m.organisationId), m.personId, m.voting])).toEqual([
      ['Leader of the Council', 'Westmoor Borough Council', personId(data, 'Cllr Amara Mensah'), true],
      ['Director of Public Health', 'Westmoor Borough Council', personId(data, 'Dr Femi Adeyemi'), true],
      ['Chief Nurse', 'Westmoor Integrated Care Board', undefined, true],
      ['Director of Adult Social Care', 'Westmoor Borough Council', undefined, true],
      ['Representative of Westmoor CVS', 'Westmoor CVS', undefined, false],
    ]);
    expect(tor.chairMemberKey).toBe(tor.members[0].key);
    // The screen shows the chair the list named.
    await expect.poll(() => page.getByRole('region', { name: 'How the board works' }).innerText()).toMatch(/Chair\s+Leader of the Council\s+Vice-chair\s+Not set/);
  });
});

/** JSON with its keys in order: a record read back compares byte for byte with the one approved. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
const HELD = 'meeting:ct-held';
const meetingRecord = (data: StoreData) =>
  canonical(
    (['agendaItem', 'resolution', 'attendance', 'declaration'] as const)
      .flatMap((type) => listRecords(data, type).filter((r) => r.meetingId === HELD))
      .concat(listRecords(data, 'meeting').filter((m) => m.id === HELD) as never[]),
  );

describe('minutes approved stay as approved', () => {
  it('approves minutes with a confirmation naming the meeting, then finds no way to change them from any screen or quorum call, except a recorded correction', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    const { meetingDocument } = await import('../../shared/exports/meetingExports');
    const { buildSite } = await import('../../shared/publish/site');
    const outputs = () => {
      const data = host.session.store.data;
      const minutes = canonical(meetingDocument(data, 'minutes', { meetingId: HELD, variant: 'full', today: '2026-11-23' }));
      const site = buildSite(data, { today: '2026-11-23', holidays: new Set(), since: '2026-01-01' }).pages.filter((p) => p.path.includes('2026-10-13')).map((p) => `${p.path}\n${p.html.replace(/Published \d+ [A-Za-z]+ \d{4}/g, '')}`);
      return { record: meetingRecord(data), minutes, site: site.join('\n') };
    };

    // Approved at the next meeting, still to come: the dialog names both meetings and asks once more.
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Children’s Trust Board', '15 December 2026').click();
    await q.meetings.tab('Minutes').click();
    await page.getByRole('button', { name: 'Record them as approved…' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve the minutes of 13 October 2026?' });
    expect(await approve.innerText()).toMatch(/will be recorded as approved at the meeting of 15 December 2026, item 2/);
    await approve.getByRole('textbox', { name: 'Minute reference' }).fill('CT/24/2');
    await approve.getByRole('button', { name: 'Approve the minutes' }).click();
    await approve.getByText(/which is still to come\. Check the meeting, or confirm that is the meeting that agreed it\./).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await host.session.store.data.records[HELD]) as { status: string }).toMatchObject({ status: 'held' });
    await approve.getByRole('checkbox', { name: 'I have checked: it is right as it is' }).check();
    await approve.getByRole('button', { name: 'Approve the minutes as it is' }).click();
    await approve.waitFor({ state: 'detached' });
    await expect.poll(() => (host.session.store.data.records[HELD] as { status: string }).status).toBe('minutes-approved');
    const approved = outputs();

    // Every screen of the approved meeting shows the record and offers nothing to change it but a correction.
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Children’s Trust Board', '13 October 2026').click();
    await q.meetings.tab('Minutes').click();
    await page.getByText(/These minutes are approved/).waitFor();
    expect(await q.meetings.minutesOf(4).count()).toBe(0);
    expect(await q.meetings.saveMinute(4).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Reword resolution|^Remove resolution|^Add resolution|^Raise action/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: /^Minutes of item 4,/ }).innerText()).toMatch(/improvement plan has been submitted to Ofsted/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'minutes-approved.png');
    await q.meetings.tab('Agenda').click();
    await page.getByText('The minutes of this meeting are approved').waitFor();
    expect(await page.getByRole('button', { name: /^(Edit|Remove|Move) item \d|^Add an item/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit details…' }).count()).toBe(0);
    await q.meetings.tab('Attendance and quorum').click();
    expect(await page.getByRole('radio', { name: 'Present' }).first().isDisabled()).toBe(true);
    expect(outputs()).toEqual(approved);

    // Through quorum call, on a copy of the folder as another officer's script would have it: each refused.
    const { cpSync, rmSync } = await import('node:fs');
    const { runCli } = await import('../helpers');
    const copy = join(dataDir, '..', `${dataDir.split('/').at(-1)}-copy`);
    cpSync(dataDir, copy, { recursive: true });
    rmSync(join(copy, 'quorum.lock'), { force: true });
    const attempts: [string, unknown][] = [
      ['agenda:setPartTwo', { agendaItemId: 'agendaItem:held-4', part2: { paragraph: 3, reason: 'Commercial' } }],
      ['agenda:update', { agendaItemId: 'agendaItem:held-4', title: 'Renamed', purpose: 'information', durationMinutes: 40, fixedStart: null, presenterIds: [], paperRequested: false, authorPersonId: null }],
      ['resolutions:update', { resolutionId: 'resolution:held-5-1', text: 'Reworded afterwards.' }],
      ['attendance:set', { meetingId: HELD, personId: 'person:leah-donnelly', status: 'present' }],
      ['minutes:update', { agendaItemId: 'agendaItem:held-4', minutes: 'Rewritten.' }],
    ];
    for (const [channel, input] of attempts) {
      const r = await runCli('call', channel, '--data', copy, '--input', JSON.stringify(input));
      expect(r.code, channel).toBe(1);
      expect(r.err, channel).toMatch(/approved at the meeting of 15 December 2026; they change only through a recorded correction/);
    }
    rmSync(copy, { recursive: true, force: true });
    expect(outputs()).toEqual(approved);

    // The one way through: a correction agreed at a later meeting moves item 4 into Part 2, and every number stays.
    const numbers = () => listRecords(host.session.store.data, 'agendaItem').filter((i) => i.meetingId === HELD).map((i) => [i.id, i.published?.number]).sort();
    const before = numbers();
    await q.meetings.tab('Minutes').click();
    await page.getByRole('button', { name: 'Record a correction…' }).click();
    const correction = page.getByRole('dialog', { name: 'Correct the approved minutes of 13 October 2026' });
    await correction.getByRole('radio', { name: 'An item’s title or Part 2' }).check();
    await correction.getByRole('combobox', { name: 'Item' }).selectOption('agendaItem:held-4');
    await correction.getByRole('switch', { name: /Take this item in Part 2/ }).check();
    await correction.getByRole('textbox', { name: 'Reason for excluding the public' }).fill('The discussion named a provider under contract negotiation');
    await correction.getByLabel(/^What changed/).fill('Item 4 was taken in private');
    await correction.getByLabel(/^Why/).fill('It named a provider');
    expect(await seriousViolations(page)).toEqual([]);
    await correction.getByRole('button', { name: 'Record the correction' }).click();
    await correction.waitFor({ state: 'detached' });
    await expect.poll(() => (host.session.store.data.records['agendaItem:held-4'] as { part2?: { paragraph: number } }).part2?.paragraph).toBe(3);
    expect(numbers()).toEqual(before);
    await q.meetings.tab('Agenda').click();
    await page.getByRole('listitem', { name: /^Item 4, 15:20: Update on the improvement journey/ }).waitFor();
  });
});
