import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { findRecord, listRecords } from '../../shared/data';
import { wordPaper } from '../fixtures/papers';

const e2e = useE2E();

describe('corrections without damage', () => {
  it('keeps an imported Word table: the editor follows the text, so typing and saving after the import keeps the table', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.firstRun.startExample.click();
    await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    // Arrange: an item with a paper requested and nothing received yet.
    await host.session.store.run('agenda:add', { meetingId: 'meeting:scp-next', title: 'Neglect audit', purpose: 'discussion', durationMinutes: 20, presenterIds: [], paperRequested: true });
    const item = listRecords(host.session.store.data, 'agendaItem').find((i) => i.title === 'Neglect audit')!;
    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Safeguarding Children Partnership', '').first().click();
    const row = q.meetings.agendaItem('Neglect audit');
    await row.waitFor();
    const number = (await row.innerText()).match(/^(\d+)/m)?.[1] ?? '';
    await row.getByRole('button', { name: /^Paper, cover sheet and Part 2 of item/ }).click();
    await page.getByRole('menuitem', { name: 'Paper…' }).click();
    const dialog = page.getByRole('dialog');
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
