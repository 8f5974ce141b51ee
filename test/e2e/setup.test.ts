import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { listRecords } from '../../shared/data';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage, TINY_PNG } from '../docxPackage';
import { MEMBER_COLUMNS, MEMBERS, torDocument, writeXlsx } from '../fixtures/imports';

const e2e = useE2E();

describe('a partnership of the user’s own, from “Start empty”', () => {
  it('is set up in the app: an organisation, a person and a board, then the board is on the dashboard', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.firstRun.partnershipName.fill('Westmoor Children and Families Partnership');
    await q.firstRun.startEmpty.click();
    const steps = page.getByRole('region', { name: 'Set up your partnership' });
    await steps.waitFor();
    expect(await steps.innerText()).toMatch(/The partner organisations \(0 added\)[\s\S]*The boards \(0 added\)/);

    await steps.getByRole('button', { name: 'Add organisations' }).click();
    await page.getByRole('button', { name: 'Add an organisation…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Westmoor Borough Council');
    await dialog.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('table', { name: 'Organisations' }).getByText('Westmoor Borough Council').waitFor();

    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Add a person…' }).click();
    await dialog.getByLabel(/^Name/).fill('Ruth Okafor');
    await dialog.getByLabel('Job title').fill('Interim Head of Safeguarding');
    await dialog.getByLabel('Email').fill('not an email');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => dialog.innerText()).toMatch(/Enter an email address/); // the wrong field, said why; nothing saved
    expect(listRecords(host.session.store.data, 'person')).toHaveLength(0);
    await dialog.getByLabel('Email').fill('ruth.okafor@westmoor.example');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('table', { name: 'People' }).getByText('Ruth Okafor').waitFor();

    await page.getByRole('tab', { name: 'Boards' }).click();
    await page.getByRole('button', { name: 'Add a board…' }).click();
    await dialog.getByLabel(/^Name/).fill('Westmoor Safeguarding Children Partnership');
    await dialog.getByLabel(/^Short name/).fill('Safeguarding Partnership');
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('safeguarding-partnership');
    await dialog.getByRole('button', { name: 'Add board' }).click();
    const boards = page.getByRole('table', { name: 'Boards' });
    await boards.getByText('Westmoor Safeguarding Children Partnership').waitFor();
    expect(await boards.innerText()).toMatch(/Not yet: write them on the Terms of reference screen/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'people-boards.png');

    await q.nav('Dashboard').click();
    await page.getByRole('heading', { name: 'Westmoor Safeguarding Children Partnership' }).waitFor();
    // Only what the officer set up: nothing of the example anywhere in the store.
    const ids = Object.keys(host.session.store.data.records);
    expect(ids.some((id) => /eastmere|childrens-trust|ct-|hwb/.test(id))).toBe(false);
    expect(listRecords(host.session.store.data, 'person').map((p) => p.name)).toEqual(['Ruth Okafor']);
  });

  it('marks someone as having left, from the People screen, and brings them back', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('People and boards').click();
    const people = page.getByRole('table', { name: 'People' });
    await people.waitFor();
    const name = listRecords(host.session.store.data, 'person').find((p) => p.id === 'person:beth-arnold')!.name;
    await people.getByRole('button', { name: `Mark as left: ${name}` }).click();
    await people.getByRole('row', { name: new RegExp(name) }).getByText(/^Left /).waitFor();
    expect((await host.session.store.data.records['person:beth-arnold']) as { retiredOn?: string }).toMatchObject({ retiredOn: expect.any(String) });
    await people.getByRole('button', { name: `Restore ${name}` }).click();
    await expect.poll(() => (host.session.store.data.records['person:beth-arnold'] as { retiredOn?: string }).retiredOn).toBeUndefined();
  });

  it('records a substitute who is not yet in Quorum, added from the picker, with the absent member’s organisation first', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Safeguarding Children Partnership', '').first().click();
    await q.meetings.tab('Attendance and quorum').click();
    await q.meetings.substituteFor('DCI Mark Ellery').click();
    const picker = q.meetings.substituteDialog.person;
    // The police first: the absent member's organisation.
    const options = await picker.locator('option').allInnerTexts();
    expect(options[1]).toMatch(/Northshire Police$/);
    await picker.selectOption({ label: 'Add a person not listed…' });
    const added = page.getByRole('dialog', { name: 'Add a person' });
    await added.getByLabel(/^Name/).fill('DS Sam Rahman');
    await added.getByLabel('Job title').fill('Detective Sergeant, Public Protection');
    // The organisations come with the dialog's query: once they have, the police are chosen for the officer.
    await expect.poll(() => added.getByRole('combobox', { name: /^Organisation/ }).inputValue()).toBe('organisation:police');
    await added.getByRole('button', { name: 'Add person' }).click();
    await added.waitFor({ state: 'detached' });
    await expect.poll(() => picker.inputValue()).toMatch(/^person:/);
    await q.meetings.substituteDialog.save.click();
    await expect.poll(() => page.getByText('DS Sam Rahman attended in place', { exact: false }).count()).toBeGreaterThan(0);
    const sam = listRecords(host.session.store.data, 'person').find((p) => p.name === 'DS Sam Rahman')!;
    expect(listRecords(host.session.store.data, 'attendance').find((a) => a.personId === sam.id)).toMatchObject({ meetingId: 'meeting:scp-next', inPlaceOfPersonId: 'person:mark-ellery' });
  });

  it('end to end from empty: three boards, people from a spreadsheet, a ToR from Word approved, the year’s meetings, a substitute added inline, the agenda and the public pack', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.firstRun.partnershipName.fill('Westmoor Children and Families Partnership');
    await q.firstRun.startEmpty.click();
    await page.getByRole('region', { name: 'Set up your partnership' }).getByRole('button', { name: 'Add boards' }).click();

    // Three boards.
    const dialog = page.getByRole('dialog');
    for (const [name, short, kind] of [
      ['Westmoor Children’s Trust Board', 'Children’s Trust', 'childrens-trust'],
      ['Westmoor Safeguarding Children Partnership', 'Safeguarding Partnership', 'safeguarding-partnership'],
      ['Westmoor Health and Wellbeing Board', 'Health and Wellbeing Board', 'health-and-wellbeing'],
    ]) {
      await page.getByRole('button', { name: 'Add a board…' }).click();
      await dialog.getByLabel(/^Name/).fill(name);
      await dialog.getByLabel(/^Short name/).fill(short);
      await dialog.getByRole('combobox', { name: 'Kind' }).selectOption(kind);
      await dialog.getByRole('button', { name: 'Add board' }).click();
      await page.getByRole('table', { name: 'Boards' }).getByText(name).waitFor();
    }

    // People and their organisations from the membership spreadsheet: previewed, then imported.
    await page.getByRole('tab', { name: 'People' }).click();
    host.openAnswer.file = join(dataDir, 'Westmoor members.xlsx');
    await writeXlsx(host.openAnswer.file, MEMBER_COLUMNS, MEMBERS.map((r) => (r[6] ? [...r.slice(0, 6), 'Children’s Trust', ...r.slice(7)] : r)));
    await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
    const preview = page.getByRole('dialog', { name: 'Import people from Westmoor members.xlsx' });
    await preview.getByRole('region', { name: 'Will be added' }).waitFor();
    expect(await preview.getByRole('region', { name: 'Organisations not in the partnership' }).getByRole('checkbox', { checked: true }).count()).toBe(5);
    expect(listRecords(host.session.store.data, 'person')).toHaveLength(0); // nothing written by the preview
    await screenshot(page, 'import-people.png');
    await preview.getByRole('button', { name: 'Import 6 people' }).click();
    await preview.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(/Imported people from Westmoor members\.xlsx: 6 people added, 5 organisations added/).waitFor();
    await page.getByRole('table', { name: 'People' }).getByText('Nadia Kowalski').waitFor();

    // The Safeguarding Partnership's terms of reference from Word: the unmatched row decided, then approved.
    await q.nav('Terms of reference').click();
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Westmoor Safeguarding Children Partnership' });
    host.openAnswer.file = join(dataDir, 'SCP terms of reference.docx');
    writeFileSync(host.openAnswer.file, await torDocument());
    await page.getByRole('button', { name: 'Import from Word…' }).click();
    const tor = page.getByRole('dialog', { name: /terms of reference from SCP terms of reference\.docx/ });
    await tor.getByRole('table', { name: 'Membership' }).waitFor();
    expect(await tor.getByRole('button', { name: 'Import as a draft' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-tor.png');
    await tor.getByRole('combobox', { name: 'Decision for Designated Doctor' }).selectOption({ label: 'Leave this seat out' });
    await expect.poll(() => tor.getByRole('button', { name: 'Import as a draft' }).isDisabled()).toBe(false);
    await tor.getByRole('button', { name: 'Import as a draft' }).click();
    await tor.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Record approval…' }).click();
    await dialog.getByLabel(/^Approved on/).fill('2026-11-20');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'detached' });
    const approved = listRecords(host.session.store.data, 'tor').find((t) => t.status === 'approved')!;
    expect(approved.members.map((m) => m.role)).toEqual(['Independent Scrutineer', 'Safeguarding partner: local authority', 'Safeguarding partner: police', 'Safeguarding partner: ICB', 'Relevant agency: schools']);

    // The year's meetings from the board's rule, each with its paper deadline before saving.
    await q.nav('Meetings').click();
    await page.getByRole('button', { name: 'Add the year’s meetings…' }).click();
    await dialog.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Safeguarding Partnership' });
    await dialog.getByRole('textbox', { name: /Dates, one per line/ }).fill('third Tuesday of January, April, July and October at 15:00');
    await dialog.getByRole('spinbutton', { name: /Year/ }).fill('2027');
    const dates = dialog.getByRole('table', { name: 'Meetings to plan' });
    await expect.poll(() => dates.innerText()).toMatch(/Tuesday 19 January 2027[\s\S]*Thursday 7 January 2027/);
    await dialog.getByRole('button', { name: 'Plan 4 meetings' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The first meeting: its agenda drafted, and a substitute who is not yet in Quorum added from the picker.
    await q.meetings.meeting('Westmoor Safeguarding Children Partnership', '19 January 2027').click();
    await q.meetings.draftAgenda.click();
    await q.meetings.agendaItems.first().waitFor();
    await q.meetings.tab('Attendance and quorum').click();
    await q.meetings.attendance('Daniel Achebe', 'Apologies').click();
    await q.meetings.substituteFor('Daniel Achebe').click();
    await q.meetings.substituteDialog.person.selectOption({ label: 'Add a person not listed…' });
    const added = page.getByRole('dialog', { name: 'Add a person' });
    await added.getByLabel(/^Name/).fill('DS Priya Lal');
    await added.getByLabel('Job title').fill('Detective Sergeant, Public Protection');
    await added.getByRole('button', { name: 'Add person' }).click();
    await added.waitFor({ state: 'detached' });
    await expect.poll(() => q.meetings.substituteDialog.person.inputValue()).toMatch(/^person:/);
    await q.meetings.substituteDialog.save.click();
    await page.getByText('DS Priya Lal attended in place').waitFor();
    expect(listRecords(host.session.store.data, 'person').find((p) => p.name === 'DS Priya Lal')).toMatchObject({ organisationId: listRecords(host.session.store.data, 'organisation').find((o) => o.name === 'Westmoor Police')!.id });

    // Its public pack.
    await q.nav('Board pack').click();
    const first = listRecords(host.session.store.data, 'meeting').find((m) => m.date === '2027-01-19')!;
    await q.pack.meeting.selectOption(first.id);
    host.saveAnswer.folder = dataDir;
    await q.pack.build.click();
    if (await q.pack.overrideReason.isVisible().catch(() => false)) {
      await q.pack.overrideReason.fill('First meeting set up in Quorum');
      await q.pack.buildAnyway.click();
    }
    await page.getByText('Pack saved', { exact: true }).waitFor();
    const [build] = listRecords(host.session.store.data, 'packBuild');
    expect(build.variant).toBe('public');
    const pack = readPackage(readFileSync(build.filePath));
    expect(pack.text).toContain('Westmoor Safeguarding Children Partnership');
    expect(pack.text).toContain('DS Priya Lal, Detective Sergeant, Public Protection, Westmoor Police, attended in place of Daniel Achebe');
    // Only what the officer set up and brought in: nothing of the example anywhere.
    expect(Object.keys(host.session.store.data.records).some((id) => /eastmere|ct-|hwb-|scp-/.test(id))).toBe(false);
  });

  it('says what to do first beside each button an empty partnership cannot use yet, links to it, and takes the logo for the pack cover', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.firstRun.partnershipName.fill('Westmoor Children and Families Partnership');
    await q.firstRun.startEmpty.click();
    await page.getByRole('region', { name: 'Set up your partnership' }).waitFor();

    await q.nav('Meetings').click();
    expect(await q.meetings.planMeeting.isDisabled()).toBe(true);
    await page.getByText('Planning a meeting needs a board first.').waitFor();
    await q.nav('Protocols').click();
    await page.getByText('A protocol is between two or more boards; the partnership has none yet.').waitFor();
    await q.nav('Deep dives').click();
    await page.getByText('A deep dive needs a board first.').waitFor();
    await page.getByRole('button', { name: 'Add a board' }).click();
    await page.getByRole('button', { name: 'Add a board…' }).waitFor(); // on the Boards tab of People and boards

    await q.nav('Settings').click();
    const logo = page.getByRole('group', { name: 'Logo on the pack cover' });
    await logo.getByText(/No logo yet/).waitFor();
    await screenshot(page, 'settings.png');
    expect(await logo.getByRole('button', { name: 'Choose a logo…' }).isDisabled()).toBe(true); // the description comes first
    await logo.getByRole('textbox', { name: /Logo description/ }).fill('Westmoor Children and Families Partnership logo');
    host.openAnswer.file = join(dataDir, 'westmoor-logo.png');
    writeFileSync(host.openAnswer.file, TINY_PNG);
    await logo.getByRole('button', { name: 'Choose a logo…' }).click();
    await logo.getByText(/The cover shows logo-[0-9a-f]{12}\.png/).waitFor();
    const partnership = listRecords(host.session.store.data, 'partnership')[0];
    expect(partnership.logo).toEqual({ file: expect.stringMatching(/^logo-[0-9a-f]{12}\.png$/), altText: 'Westmoor Children and Families Partnership logo' });
    expect(readFileSync(join(dataDir, 'images', partnership.logo!.file)).equals(TINY_PNG)).toBe(true);
  });
});
