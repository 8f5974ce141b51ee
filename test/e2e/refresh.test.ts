import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { findRecord } from '../../shared/data';
import { formatUkDate } from '../../shared/rules/dates';
import { currentTor } from '../../shared/rules/boards';
import { loadGenerated } from '../../main/services/example';

const e2e = useE2E();

/** The channels the page calls from now on, counted. */
const recordCalls = (e: typeof e2e) => {
  const calls = new Map<string, number>();
  const seen = (r: Request) => {
    const m = /\/ipc\/([^?]+)$/.exec(r.url());
    if (m) calls.set(decodeURIComponent(m[1]), (calls.get(decodeURIComponent(m[1])) ?? 0) + 1);
  };
  e.page.on('request', seen);
  return { calls, stop: () => e.page.off('request', seen) };
};

/** The window on ten years of a busy partnership (npm run gen), showing its dashboard. */
const openOnTenYears = async () => {
  const { page, host } = e2e;
  await loadGenerated(host.session.store, 10, 1);
  await page.reload();
  await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
  return { page, host, q: quorumPage(page) };
};

describe('refreshing after a change', () => {
  it('refetches, after a one-field save on ten years of records, only the queries that read what it wrote', async () => {
    const { page, host, q } = await openOnTenYears();
    await q.nav('Meetings').click();
    const next = findRecord(host.session.store.data, 'meeting', 'meeting:ct-next')!;
    await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(next.date)).click();
    await q.meetings.tab('Attendance and quorum').click();
    const firstMember = currentTor(host.session.store.data, next.boardId)!.members[0];
    const name = findRecord(host.session.store.data, 'person', firstMember.personId!)!.name;
    const present = q.meetings.attendance(name, 'Present');
    await page.getByRole('radiogroup', { name: `Attendance of ${name}` }).waitFor();

    // Mounted now: the store's status, the meeting list, the boards, the partnership and this meeting.
    const { calls, stop } = recordCalls(e2e);
    await present.click();
    await expect.poll(() => calls.get('meetings:get') ?? 0).toBe(1);
    await page.waitForTimeout(500); // anything else that was going to refetch has done so by now
    stop();

    // An attendance save writes attendance records: the meeting (which shows them), the possible
    // interests (a substitute present may hold some) and the store's status (which counts every
    // record) are fetched again, once each; the lists are not.
    expect(Object.fromEntries(calls)).toEqual({ 'attendance:set': 1, 'interests:conflicts': 1, 'meetings:get': 1, 'store:status': 1 });
    expect(await present.isChecked()).toBe(true);
  });
});

describe('long lists', () => {
  it('draws only the actions near the screen out of ten years of them, fetches the list once, and scrolls down to the last', async () => {
    const { page, q } = await openOnTenYears();
    const { calls, stop } = recordCalls(e2e);
    await q.nav('Actions').click();
    const table = page.getByRole('table', { name: 'Action log' });
    await table.getByRole('row').nth(1).waitFor();
    const rowCount = Number(await table.getAttribute('aria-rowcount'));
    expect(rowCount).toBeGreaterThan(300);
    // Only the rows near the screen are drawn; the table still says how many there are.
    expect(await table.locator('tbody [aria-rowindex]').count()).toBeLessThan(60);
    await page.waitForTimeout(300);
    expect(calls.get('actions:list')).toBe(1);
    stop();
    await page.locator('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
    await expect.poll(async () => {
      await page.locator('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
      return table.locator(`[aria-rowindex="${rowCount}"]`).count();
    }).toBe(1);
    await table.locator(`[aria-rowindex="${rowCount}"]`).getByRole('button', { name: /^Update the action/ }).waitFor();
    await screenshot(page, 'actions-long.png');
  });
});

describe('a year of actions', () => {
  it('draws the first twenty rows at once and the rest straight after, every row in the page, the action itself over a quarter of the table', async () => {
    const { page, host } = e2e;
    await loadGenerated(host.session.store, 1, 1);
    await page.reload();
    const q = quorumPage(page);
    await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    await q.actions.watchRowsDrawn();
    await q.nav('Actions').click();
    const rows = Number(await q.actions.table.getAttribute('aria-rowcount')) - 1;
    expect(rows).toBeGreaterThan(20);
    expect(rows).toBeLessThan(120); // drawn whole, for find-in-page; longer logs draw only the rows near the screen
    await expect.poll(() => q.actions.table.locator('tbody [aria-rowindex]').count()).toBe(rows);
    // One draw of twenty, then the rest: the window answers between them, not held while all are drawn.
    expect(await q.actions.rowsDrawn()).toEqual([20, rows]);
    // On a laptop's window (1366 pixels here), the action's words keep over a quarter of the table (a sixth with fixed widths).
    expect(await q.firstColumnShare('Action log')).toBeGreaterThan(0.25);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'actions-year.png');
  });
});

describe('the meetings list over many years', () => {
  it('shows the last twelve months and every meeting to come, and earlier years a year at a time when asked', async () => {
    const { page, host, q } = await openOnTenYears();
    const { calls, stop } = recordCalls(e2e);
    await q.nav('Meetings').click();
    const nav = page.getByRole('navigation', { name: 'Meetings by board' });
    await nav.getByRole('button').first().waitFor();
    await page.getByRole('list', { name: 'Agenda' }).waitFor();
    await page.waitForTimeout(300);
    stop();
    // The screen and the meeting it opens both list the boards: one request answers both.
    expect(Object.fromEntries(calls)).toMatchObject({ 'meetings:list': 1, 'boards:list': 1, 'meetings:get': 1 });
    const all = Object.values(host.session.store.data.records).filter((r) => r.type === 'meeting').length;
    const shown = await nav.getByRole('listitem').count();
    expect(all).toBeGreaterThan(100);
    expect(shown).toBeLessThan(40);
    const earlier = nav.getByRole('button', { name: /^Show the year before/ });
    await expect.poll(() => earlier.textContent()).toMatch(new RegExp(`\\(${all - shown} earlier meetings\\)`));
    await earlier.click();
    await expect.poll(() => nav.getByRole('listitem').count()).toBeGreaterThan(shown);
    // An earlier meeting opens like any other.
    const oldest = nav.getByRole('listitem').first().getByRole('button');
    await oldest.click();
    await expect.poll(() => oldest.getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'meetings-long.png');
  });
});
