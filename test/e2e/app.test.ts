import { storeBytesOnDisk } from '../helpers';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { formatUkDate } from '../../shared/rules/dates';
import { listRecords } from '../../shared/data';
import { CHANNELS } from '../../shared/channels';

const e2e = useE2E();

describe('first run', () => {
  it('starts with the example partnership and shows its next meeting on the dashboard', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.firstRun.heading.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await q.startWithExample();
    const next = listRecords(host.session.store.data, 'meeting').find((m) => m.id === 'meeting:ct-next')!;
    await expect.poll(() => q.dashboard.nextMeeting('Eastmere Children’s Trust Board').innerText()).toContain(formatUkDate(next.date));
    expect(await q.dashboard.nextMeeting('Eastmere Children’s Trust Board').innerText()).toContain('15:00');
    expect(await q.dashboard.deadline('Eastmere Children’s Trust Board').innerText()).toMatch(/5 clear working days/);
    expect(await page.getByText('2 overdue').count()).toBe(0);
    expect(await page.getByText('1 overdue').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard.png');
  });

  it('refuses a blank partnership name with a message on the field, and writes nothing', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.firstRun.startEmpty.click();
    const error = q.errorBar('The partnership was not set up');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/Give the partnership a name: it goes on every pack cover\./);
    await expect.poll(() => page.getByText('Give the partnership a name', { exact: true }).count()).toBeGreaterThan(0);
    expect(host.session.store.status().state).toBe('empty');

    await q.firstRun.partnershipName.fill('Westmoor Partnership');
    await q.firstRun.startEmpty.click();
    await page.getByRole('heading', { name: 'Westmoor Partnership' }).waitFor();
    // The next step is offered, not a dead end: what to set up, each a link to its screen.
    await page.getByRole('region', { name: 'Set up your partnership' }).getByRole('button', { name: 'Add boards' }).waitFor();
  });
});

describe('the bridge', () => {
  it('answers a wrongly typed call with a clear error and leaves the store byte-identical', async () => {
    const { page, dataDir } = e2e;
    await quorumPage(page).firstRun.startExample.click();
    await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    const before = storeBytesOnDisk(dataDir);
    const result = await page.evaluate(() =>
      (globalThis as unknown as { quorum: { partnership: { update(i: unknown): Promise<unknown> } } }).quorum.partnership.update({ name: 42, colours: 'red' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(result)).toMatch(/name/);
    expect(storeBytesOnDisk(dataDir).equals(before)).toBe(true);
    const exposed = await page.evaluate(() => Object.keys((globalThis as unknown as { quorum: object }).quorum).sort());
    // Exactly the contract's areas and `on`: nothing of Electron or Node leaks through.
    expect(exposed).toEqual([...new Set([...CHANNELS.map((c) => c.split(':')[0]), 'on'])].sort());
  });
});

describe('settings', () => {
  it('edits the partnership, shows a wrong field, lists the backup and the verified journal, and restores', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Settings').click();
    await q.settings.heading.waitFor();

    await q.settings.name.fill('');
    await q.settings.save.click();
    const error = q.errorBar('The partnership details were not saved');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/Name: Fill this in/);

    await q.settings.name.fill('Eastmere Partnership for Children');
    await q.settings.save.click();
    await page.getByText('Saved.').waitFor();
    expect(listRecords(host.session.store.data, 'partnership')[0].name).toBe('Eastmere Partnership for Children');

    await q.settings.backupsTable.waitFor();
    expect(await q.settings.restoreButtons.count()).toBe(1);
    await expect.poll(() => q.settings.journalTable.getByRole('row').count()).toBe(3); // header + 2 entries
    expect(await page.getByText('Verified').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await q.settings.restoreButtons.first().click();
    await q.settings.confirmRestore.click();
    await page.getByText(/Restored the backup taken/).waitFor();
    expect(listRecords(host.session.store.data, 'partnership')[0].name).toBe('Eastmere Children and Families Partnership');
    await expect.poll(() => q.settings.name.inputValue()).toBe('Eastmere Children and Families Partnership');
  });
});

describe('recovery', () => {
  it('offers to start again when the store is unreadable and there is no backup, keeping the damaged file', async () => {
    writeFileSync(join(e2e.dataDir, 'quorum.json'), '{"format":"quorum-store",');
    await e2e.reopen();
    const { page, dataDir } = e2e;
    await page.getByRole('heading', { name: 'Your data needs recovering' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start again' }).click();
    await quorumPage(page).firstRun.startExample.click();
    await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    const [quarantined] = readdirSync(join(dataDir, 'quarantine'));
    expect(readFileSync(join(dataDir, 'quarantine', quarantined), 'utf8')).toBe('{"format":"quorum-store",');
  });
});
