import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { listRecords } from '../../shared/data';
import { addDays } from '../../shared/rules/dates';
import { TEST_TODAY } from '../helpers';

const e2e = useE2E();

const startExample = async (page: Page) => {
  const q = quorumPage(page);
  await q.startWithExample();
  return q;
};

describe('one change per click', () => {
  it('plans one meeting from a double click on “Plan the meeting”', async () => {
    const { page, host } = e2e;
    const q = await startExample(page);
    const before = listRecords(host.session.store.data, 'meeting').length;
    await q.nav('Meetings').click();
    await q.meetings.planMeeting.click();
    await q.meetings.planDialog.date.fill(addDays(TEST_TODAY, 70));
    await q.meetings.planDialog.save.dblclick();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => listRecords(host.session.store.data, 'meeting').length).toBe(before + 1);
  });

  it('adds one resolution from a double click on “Add resolution”', async () => {
    const { page, host } = e2e;
    const q = await startExample(page);
    const before = listRecords(host.session.store.data, 'resolution').length;
    await q.nav('Meetings').click();
    await q.meetings.meetingHeading.waitFor();
    await q.meetings.tab('Minutes').click();
    await q.meetings.newResolution(3).fill('The Board notes the apologies.');
    await q.meetings.addResolution(3).dblclick();
    await expect.poll(() => q.meetings.resolutions(3).count()).toBe(1);
    expect(listRecords(host.session.store.data, 'resolution').length).toBe(before + 1);
  });
});

describe('a screen that fails', () => {
  it('shows what failed inside that screen, keeps the rest usable, and draws it again on “Try again”', async () => {
    const { page } = e2e;
    const q = await startExample(page);
    // The action log answers with something the screen cannot draw (as a fault in a view would).
    const broken = /\/ipc\/actions(:|%3A)list$/;
    await page.route(broken, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: { not: 'a list' } }) }));
    await q.nav('Actions').click();
    const alert = page.getByRole('alert').filter({ hasText: 'The Actions screen stopped working' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Your records are safe/);
    expect(await alert.getByRole('button', { name: 'Reload Quorum' }).isVisible()).toBe(true);
    // The rest of Quorum still works.
    await q.nav('Dashboard').click();
    await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    await q.nav('Actions').click();
    await alert.waitFor();
    await page.unroute(broken);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await q.actions.table.waitFor();
  });

  it('fetches a screen’s code again when the first fetch fails', async () => {
    const { page } = e2e;
    let refused = 0;
    // From the start: the window fetches the screen's code ahead, once idle, and that fetch fails first.
    await page.route(/\/assets\/PapersScreen-[^/]+\.js$/, (route) => (refused++ === 0 ? route.abort('failed') : route.continue()));
    const q = await startExample(page);
    await q.nav('Papers').click();
    await page.getByRole('heading', { name: 'Papers', level: 1 }).waitFor();
    expect(refused).toBeGreaterThanOrEqual(2);
  });
});
