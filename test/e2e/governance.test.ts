import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { returnedCopy } from '../fixtures/returnedCopy';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { findRecord, listRecords } from '../../shared/data';
import { readPackage } from '../docxPackage';

const e2e = useE2E();

describe('the protocol between the boards', () => {
  it('takes a partner comment on a section, answers and accepts it, records each board’s sign-off until it is agreed, and exports it', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    const g = q.governance;
    await q.startWithExample();
    await q.nav('Protocols').click();
    await g.protocolHeading.waitFor();
    expect(await g.status.innerText()).toBe('Out for consultation');

    // A partner's comment on section 3.
    await page.getByRole('button', { name: 'Comment on section 3' }).click();
    await g.dialog.getByRole('combobox', { name: /From \(name\)/ }).fill('Kofi Mensah');
    await g.dialog.getByRole('textbox', { name: /Comment/ }).fill('Add how Healthwatch hears of challenge between the boards.');
    // A known person's organisation fills itself in.
    await expect.poll(async () => g.dialog.getByRole('combobox', { name: /Organisation/ }).inputValue()).toBe('organisation:healthwatch');
    await g.dialog.getByRole('button', { name: 'Add comment' }).click();
    await g.dialog.waitFor({ state: 'detached' });

    // Answered and accepted in the comments, seen in that partner's consultation view.
    await page.getByRole('tab', { name: /^Comments/ }).click();
    const card = page.getByRole('article', { name: /^Comment by Kofi Mensah on Section 3/ }).last();
    await card.getByRole('textbox', { name: 'Response to Kofi Mensah' }).fill('Agreed: section 3 now says the boards share challenge with Healthwatch.');
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => card.innerText()).toMatch(/Accepted\s+Agreed: section 3 now says/);
    const comment = listRecords(host.session.store.data, 'protocolComment').find((c) => c.text.startsWith('Add how Healthwatch'))!;
    expect(listRecords(host.session.store.data, 'commentResponse').find((r) => r.commentId === comment.id)).toMatchObject({ outcome: 'accepted' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-comments.png');

    // A partner's returned Word copy: their comments and tracked changes land on the right sections.
    host.openAnswer.file = join(dataDir, 'Protocol v1 returned by police and health.docx');
    writeFileSync(host.openAnswer.file, await returnedCopy({ versionId: 'protocolVersion:boards-v1' }));
    await page.getByRole('button', { name: 'Import a returned Word copy…' }).click();
    await g.dialog.getByRole('combobox', { name: /Returned by/ }).selectOption('organisation:council');
    await g.dialog.getByRole('button', { name: 'Choose the Word file…' }).click();
    await page.getByText(/^Imported 4 comments from Protocol v1 returned by police and health\.docx/).waitFor();
    await expect.poll(() => page.getByRole('article', { name: /^Comment by Beth Arnold on Section 3/ }).last().innerText()).toMatch(/Proposed change in Word: delete “may ask”; insert “may require”\./);

    // Each party board signs off; the last signature makes it agreed.
    await page.getByRole('tab', { name: 'Sign-off' }).click();
    const boards = ['Eastmere Children’s Trust Board', 'Eastmere Safeguarding Children Partnership', 'Eastmere Health and Wellbeing Board'];
    for (const [i, board] of boards.entries()) {
      await page.getByRole('button', { name: `Record sign-off by the ${board}` }).click();
      await g.dialog.getByLabel('Signed off on').fill(`2027-01-1${i}`);
      await g.dialog.getByRole('textbox', { name: 'Minute reference' }).fill(`M/${i + 1}`);
      // Comments still unanswered: the board's reason for signing off regardless is asked for.
      await g.dialog.getByLabel(/no response yet: why the board signed off regardless/).fill('The open comments go to the annual review');
      await g.dialog.getByRole('button', { name: 'Record sign-off' }).click();
      await g.dialog.waitFor({ state: 'detached' });
      if (i < 2) expect(await g.status.innerText()).toBe('Out for consultation');
    }
    await expect.poll(() => g.status.innerText()).toBe('Agreed');
    expect(findRecord(host.session.store.data, 'protocolVersion', 'protocolVersion:boards-v1')!.status).toBe('agreed');
    expect(await page.getByRole('table', { name: 'Sign-off by the boards' }).innerText()).toMatch(/Eastmere Health and Wellbeing Board\s+12 January 2027\s+M\/3/);

    // The Word copy.
    host.saveAnswer.folder = dataDir;
    await page.getByRole('button', { name: 'Export to Word…' }).click();
    const saved = page.getByText(/^Saved .*Protocol v1\.docx/);
    await saved.waitFor();
    const file = (await saved.innerText()).match(/^Saved (.*\.docx)/)![1];
    const text = readPackage(readFileSync(file)).text;
    expect(text).toContain('Sign-off by the boards');
    expect(text).toContain('M/3');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('terms of reference', () => {
  it('edits an approved ToR into a new draft, and approves it at a meeting', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Terms of reference').click();
    await page.getByRole('heading', { name: 'Terms of reference', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit (starts a new draft)…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: 'Meetings a year' }).fill('4');
    await dialog.getByRole('spinbutton', { name: 'Meetings a year' }).press('Tab');
    await dialog.getByRole('button', { name: 'Save draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    const versions = () => listRecords(host.session.store.data, 'tor').filter((t) => t.boardId === 'board:childrens-trust').sort((a, b) => a.version - b.version);
    await expect.poll(() => versions().map((t) => `${t.version} ${t.status} ${t.meetingsPerYear}`)).toEqual(['1 approved 3', '2 draft 4']);
    await page.getByRole('combobox', { name: 'Version' }).selectOption({ label: 'Version 2 (draft)' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'tor.png');
    await page.getByRole('button', { name: 'Record approval…' }).click();
    await dialog.getByLabel('Approved on').fill('2026-12-15');
    await dialog.getByRole('textbox', { name: 'Minute reference' }).fill('CT/26/4');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => versions().map((t) => `${t.version} ${t.status}`)).toEqual(['1 superseded', '2 approved']);
  });
});
