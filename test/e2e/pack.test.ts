import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { wordPaper } from '../fixtures/papers';
import { readPackage } from '../docxPackage';
import { findRecord, listRecords } from '../../shared/data';
import { suggestedPackName } from '../../main/services/packs';
import { WAIT } from '../waits';

const e2e = useE2E();

/** Records every label the progress bar shows, as a user watching the screen would see them. */
const watchProgress = (page: import('playwright-core').Page) =>
  page.evaluate(`(() => {
    const seen = (globalThis.progressSeen = []);
    new MutationObserver(() => {
      const label = document.querySelector('[role=progressbar]')?.getAttribute('aria-label');
      if (label && seen.at(-1) !== label) seen.push(label);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);

describe('the Pack screen', () => {
  it('fills an imported paper’s empty cover sheet from its own Summary and Recommendations sections, and says so', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await q.pack.heading.waitFor();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);

    // A paper written to the council's report template: its summary and recommendations are its own sections.
    host.openAnswer.file = join(dataDir, '..', `${dataDir.split('/').pop()}-template.md`);
    writeFileSync(
      host.openAnswer.file,
      '# 1. Executive summary\n\nWhat a multi-agency audit of 40 neglect cases found.\n\n# 2. Recommendations\n\nThe Board is asked to:\n\n1. Agree the neglect strategy.\n2. Ask for a progress report in six months.\n\n# 3. Findings\n\nChronologies were missing in some cases.\n',
    );
    await q.pack.importPaper(5).click();
    await page.getByText(/^Imported .*-template\.md/).waitFor();
    expect(await page.getByText(/The cover sheet’s executive summary and 2 recommendations came from the paper’s own sections: check them on the cover sheet\./).isVisible()).toBe(true);
    // Item 5's paper is in with its cover sheet: one error left, and not item 5's.
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/1 error\b/);
    expect(await q.pack.problems.allInnerTexts()).not.toContainEqual(expect.stringMatching(/Item 5 .*(no executive summary|no recommendations)/));
    expect(findRecord(host.session.store.data, 'agendaItem', 'agendaItem:next-5')!.paper!.coverSheet).toMatchObject({
      executiveSummary: 'What a multi-agency audit of 40 neglect cases found.',
      recommendations: ['Agree the neglect strategy.', 'Ask for a progress report in six months.'],
    });
    await screenshot(page, 'paper-cover-from-template.png');
  });

  it('takes an officer from pre-flight errors to a saved pack: fix from the list, import a Word paper, override with a reason, open it', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await q.pack.heading.waitFor();

    // The next meeting is chosen, and pre-flight says what is wrong and where.
    expect(await q.pack.meeting.locator('option:checked').innerText()).toMatch(/Children’s Trust Board, .* 15:00 \(next\)/);
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    expect(await q.pack.problems.first().innerText()).toMatch(/Item 5 \(Deep dive: neglect.*not been received from Amira Haddad/);
    expect(await seriousViolations(page)).toEqual([]);

    await q.pack.fixButton('Go to item 5').click();
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('Import paper for item 5');

    // Import the paper from Word.
    const papers = join(dataDir, '..', `${dataDir.split('/').pop()}-papers`);
    mkdirSync(papers, { recursive: true });
    host.openAnswer.file = join(papers, 'Neglect briefing.docx');
    writeFileSync(host.openAnswer.file, await wordPaper());
    await q.pack.importPaper(5).click();
    await page.getByText('Imported Neglect briefing.docx').waitFor();
    expect(await page.getByText(/first row is used as the header/).isVisible()).toBe(true);
    await expect.poll(() => q.pack.row(5).innerText()).toMatch(/Received/);
    // Still an error: the cover sheet has no executive summary. Put it right from the list.
    await expect.poll(() => q.pack.problems.first().innerText()).toMatch(/Item 5 .*no executive summary/);
    await q.pack.coverSheet(5).click();
    await q.pack.coverDialog.summary.fill('What a multi-agency audit of 40 neglect cases found, and the strategy partners are asked to agree.');
    await q.pack.coverDialog.save.click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/1 error\b/);
    expect(findRecord(host.session.store.data, 'agendaItem', 'agendaItem:next-5')!.paper!.coverSheet.executiveSummary).toMatch(/^What a multi-agency audit/);

    // Build despite the one remaining error, with a reason; the save dialog answers into the test's folder.
    host.saveAnswer.folder = papers;
    await watchProgress(page);
    await q.pack.build.click();
    expect(await q.pack.buildAnyway.isDisabled()).toBe(true);
    await q.pack.overrideReason.fill('Item 6 paper to follow; agreed with the chair');
    await q.pack.buildAnyway.click();
    await page.getByText('Pack saved', { exact: true }).waitFor();
    const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
    // The bar showed while the save dialog was open and the pack was built (the builder's steps
    // arrive as task:progress events; test/integration/packHandlers.test.ts checks their order).
    expect(seen[0]).toMatch(/choose where to save/);
    expect(await page.getByRole('progressbar').count()).toBe(0);

    const [build] = listRecords(host.session.store.data, 'packBuild');
    const file = join(papers, build.fileName);
    expect(build.filePath).toBe(file);
    expect(readFileSync(join(dataDir, 'journal.jsonl'), 'utf8')).toContain('because: Item 6 paper to follow; agreed with the chair');
    const bytes = readFileSync(file);
    const pkg = readPackage(bytes);
    expect(pkg.text).toContain('Graded care profile used in most cases');
    expect(pkg.text).not.toContain('Provider B for three years'); // the Part 2 paper stays out of the public pack

    // History: time, variant, file, size, SHA-256; Open and Show in folder hand the file to the desktop.
    const history = q.pack.history;
    await expect.poll(() => history.getByRole('row').count()).toBe(2);
    const row = await history.getByRole('row').nth(1).innerText();
    expect(row).toContain(createHash('sha256').update(bytes).digest('hex'));
    expect(row).toMatch(/Public/);
    expect(row).toMatch(/Built despite 1 error: Item 6 paper to follow; agreed with the chair/);
    await q.pack.open.first().click();
    await expect.poll(() => host.openedFiles).toEqual([file]);
    await q.pack.showInFolder.first().click();
    await expect.poll(() => host.shownInFolder).toEqual([file]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Board pack', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'pack.png');
  });

  it('says so when the save is cancelled, and builds nothing', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.firstRun.startExample.click();
    await q.nav('Board pack').click();
    await q.pack.variant('Full').click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    host.saveAnswer.cancel = true;
    await q.pack.build.click();
    await q.pack.overrideReason.fill('Papers to follow');
    await q.pack.buildAnyway.click();
    await page.getByText('The save was cancelled; no pack was built.').waitFor();
    expect(await page.getByText('No pack has been built for this meeting yet.').isVisible()).toBe(true);
    expect(Object.keys(host.session.store.data.records).filter((id) => id.startsWith('packBuild:'))).toEqual([]);
  });

  it('says in plain words when the file chosen cannot be saved, builds nothing, and builds once it can', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    // The name the save dialog answers with is taken by a folder.
    host.saveAnswer.folder = dataDir;
    const taken = join(dataDir, suggestedPackName(host.session.store.data, 'meeting:ct-next', 'public'));
    mkdirSync(taken);
    await q.pack.build.click();
    await q.pack.overrideReason.fill('Papers to follow');
    await q.pack.buildAnyway.click();
    const alert = page.getByRole('alert').filter({ hasText: 'The pack was not built' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`The pack could not be saved as ${taken}: a folder has that name. Choose another file name. Nothing was written. The build is not in the pack history.`);
    expect(listRecords(host.session.store.data, 'packBuild')).toEqual([]);
    expect(await page.getByText('No pack has been built for this meeting yet.').isVisible()).toBe(true);
    expect(await q.pack.build.isEnabled()).toBe(true);
    await screenshot(page, 'pack-not-saved.png');
    // The folder moved out of the way, the same Build saves the pack.
    rmSync(taken, { recursive: true });
    await q.pack.build.click();
    await q.pack.overrideReason.fill('Papers to follow');
    await q.pack.buildAnyway.click();
    await page.getByText('Pack saved', { exact: true }).waitFor();
    expect(readFileSync(taken).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the PDF pack from the Pack screen', () => {
  it('saves the public pack as a tagged PDF with numbered contents, and lists it in the history as PDF', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    expect(await page.getByText(/^Reading for each member/).innerText()).toMatch(/about 1 page, 1 minute at 200 words a minute/);
    await watchProgress(page);

    await q.pack.savePdf.click();
    await q.pack.overrideReason.fill('Papers 5 and 6 to follow');
    await q.pack.buildAnyway.click();
    await page.getByText('Pack saved', { exact: true }).waitFor({ timeout: WAIT.screenBuild });

    const [build] = listRecords(host.session.store.data, 'packBuild');
    expect(build).toMatchObject({ format: 'pdf', variant: 'public' });
    expect(build.fileName).toMatch(/board pack \(public\)\.pdf$/);
    const file = join(dataDir, build.fileName);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' })).toMatch(/Agenda\s+3\s*$/m);
    const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.join(' | ')).toMatch(/Laying out the pages/);
    await expect.poll(() => q.pack.history.getByRole('row').nth(1).innerText()).toMatch(/Public\s+PDF/);
  });

  it('lays the PDF out while the officer is still in the save dialog, the panel waiting for them, and saves it once they answer', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    let answer = () => {};
    host.saveAnswer.held = new Promise<void>((r) => (answer = r));

    await q.pack.savePdf.click();
    await q.pack.overrideReason.fill('Papers 5 and 6 to follow');
    await q.pack.buildAnyway.click();
    // The officer is still choosing where to save: the pack is printed meanwhile, and the panel says it waits for them.
    await expect.poll(() => host.printsFinished.count, { timeout: WAIT.screenBuild }).toBeGreaterThan(0);
    await page.getByText('Waiting for you to choose where to save…').waitFor();
    expect(await page.getByText(/Laying out the pages|Numbering the contents/).count()).toBe(0);
    expect(await q.pack.savePdf.isDisabled()).toBe(true);
    await screenshot(page, 'pack-pdf-save-dialog.png');
    const printed = host.printsFinished.count;

    answer();
    await page.getByText('Pack saved', { exact: true }).waitFor({ timeout: WAIT.screenBuild });
    expect(host.printsFinished.count).toBe(printed);
    const [build] = listRecords(host.session.store.data, 'packBuild');
    expect(build).toMatchObject({ format: 'pdf', variant: 'public' });
  });

  it('saves one item’s paper as a PDF of its own from its row, though other papers are missing, and not a Part 2 paper from the public pack', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    expect(await q.pack.itemPdf(10).count()).toBe(0); // Part 2, and this is the public pack

    await q.pack.itemPdf(4).click();
    await page.getByText(/^Item 4 saved as /).waitFor({ timeout: WAIT.screenBuild });
    const [build] = listRecords(host.session.store.data, 'packBuild');
    expect(build).toMatchObject({ format: 'pdf', items: [4] });
    expect(build.fileName).toMatch(/item 4 \(public\)\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', join(dataDir, build.fileName), '-'], { encoding: 'utf8' });
    expect(text).toContain('Item 4: Improvement plan: progress report');
    expect(text).not.toContain('Item 6: Children and Young People');
    await expect.poll(() => q.pack.history.getByRole('row').nth(1).innerText()).toMatch(/Item 4 only/);
  });
});

describe('a supplement to a pack already sent', () => {
  it('holds the paper that came late, with why, and the history shows which pack it supersedes', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    await expect.poll(() => q.pack.counts.innerText()).toMatch(/2 errors/);
    // The pack goes out with items 5 and 6 to follow.
    await q.pack.build.click();
    await q.pack.overrideReason.fill('Papers 5 and 6 to follow');
    await q.pack.buildAnyway.click();
    await page.getByText('Pack saved', { exact: true }).waitFor();
    await expect.poll(() => page.getByText(/Nothing has arrived or changed since/).count()).toBe(1);

    // Item 5's paper arrives late, with its cover sheet.
    host.openAnswer.file = join(dataDir, '..', `${dataDir.split('/').pop()}-late.md`);
    writeFileSync(host.openAnswer.file, '## Audit\n\nForty cases of neglect were audited across the partnership.\n');
    await q.pack.importPaper(5).click();
    await page.getByText(/^Imported .*-late\.md/).waitFor();
    await q.pack.coverSheet(5).click();
    await q.pack.coverDialog.summary.fill('What the audit of forty neglect cases found.');
    await q.pack.coverDialog.save.click();
    await expect.poll(() => page.getByText(/: item 5 \(late\)\./).count()).toBe(1);

    await q.pack.supplement.open.click();
    expect(await q.pack.supplement.saveWord.isDisabled()).toBe(true);
    await q.pack.supplement.lateReason(5).fill('The audit closed after the paper deadline');
    await q.pack.supplement.saveWord.click();
    await page.getByText(/Supplement saved: /).waitFor();

    const builds = listRecords(host.session.store.data, 'packBuild').sort((a, b) => a.builtAt.localeCompare(b.builtAt) || a.id.localeCompare(b.id));
    const [pack, supplement] = builds.filter((b) => !b.supplement).concat(builds.filter((b) => b.supplement));
    expect(supplement.supplement).toMatchObject({ of: pack.id, items: [{ number: 5, kind: 'late', lateReason: 'The audit closed after the paper deadline' }] });
    expect(supplement.fileName).toMatch(/board pack supplement \(public\)\.docx$/);
    const text = readPackage(readFileSync(join(dataDir, supplement.fileName))).text;
    expect(text).toContain(`Supplement to the pack sent on`);
    expect(text).toContain('Why it is late: The audit closed after the paper deadline');
    expect(text).toContain('Forty cases of neglect were audited');
    expect(text).not.toContain('Improvement plan: progress report'); // only what came late

    const rows = q.pack.history.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).innerText()).toMatch(new RegExp(`Supplement to ${pack.fileName.replace(/[()]/g, '\\$&')}: item 5 \\(late: The audit closed after the paper deadline\\)`));
    expect(await rows.nth(2).innerText()).toContain(`Superseded for item 5 by ${supplement.fileName}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('publishing the website from the Pack screen', () => {
  it('writes the public website into the folder chosen, then only what changed', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Board pack').click();
    const site = join(dataDir, '..', `${dataDir.split('/').pop()}-site`);
    host.chooseFolderAnswer.value = site;

    await q.pack.publish.click();
    await page.getByText('Website published').waitFor({ timeout: WAIT.screenBuild });
    expect(await q.pack.published.innerText()).toContain('Written: childrens-trust/2026-12-15/item-4.html');
    expect(readFileSync(join(site, 'childrens-trust/2026-12-15/index.html'), 'utf8')).toContain('The public agenda pack (PDF)');
    expect(readFileSync(join(site, 'childrens-trust/2026-12-15/pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousViolations(page)).toEqual([]);

    await q.pack.publish.click();
    await expect.poll(() => page.getByText(/0 files written, \d+ unchanged, 0 removed/).count(), { timeout: WAIT.screenBuild }).toBe(1);
  });
});

describe('pre-flight links', () => {
  it('takes a fault in the last meeting’s minutes to those minutes, on the Meetings screen', async () => {
    const { page } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    // Arrange: the held meeting's minute of item 5 has a link a screen reader cannot make sense of.
    const held = await page.evaluate(() =>
      (globalThis as unknown as { quorum: { minutes: { update(i: unknown): Promise<{ ok: boolean }> } } }).quorum.minutes.update({ agendaItemId: 'agendaItem:held-5', minutes: 'For the report, [click here](https://www.gov.uk/guidance).' }),
    );
    expect(held.ok).toBe(true);
    await q.nav('Board pack').click();
    await expect.poll(() => q.pack.problems.allInnerTexts()).toContainEqual(expect.stringMatching(/minutes of the last meeting, item 5.*click here/i));
    await q.pack.fixButton('Open those minutes').click();
    await expect.poll(() => q.meetings.meetingHeading.innerText()).toBe('Eastmere Children’s Trust Board');
    expect(await page.getByRole('tab', { name: 'Minutes', selected: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Minutes of item 5,/ }).innerText()).toContain('click here');
  });
});
