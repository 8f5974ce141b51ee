import { describe, expect, it } from 'vitest';
import { useMailServer } from '../mailServer';
import { seriousViolations, screenshot, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { listRecords } from '../../shared/data';

/** A mail server on 127.0.0.1, started by the test: what the outbox sends is read back as a mail client would. */
const mail = useMailServer();

const e2e = useE2E();

describe('the outbox', () => {
  it('shows the messages due, lets the officer edit one, sends them through the partnership’s mail server once, and lists what went', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    await q.nav('Outbox').click();
    const due = page.getByRole('table', { name: 'Messages due' });
    await due.waitFor();
    const rows = await due.getByRole('row').allInnerTexts();
    expect(rows.some((r) => /Paper requested: .*Eastmere Children’s Trust Board, Tuesday 15 December 2026/.test(r))).toBe(true);

    // The mail server: the council's, here one on this computer.
    await page.getByRole('button', { name: 'Mail server…' }).click();
    const settings = page.getByRole('dialog', { name: 'The partnership’s mail server' });
    await settings.getByRole('textbox', { name: /^Server/ }).fill('127.0.0.1');
    await settings.getByRole('spinbutton', { name: 'Port' }).fill(String(mail.port));
    await settings.getByRole('combobox', { name: 'Security' }).selectOption('none');
    await settings.getByRole('textbox', { name: 'From address' }).fill('secretariat@eastmere.example');
    await settings.getByRole('textbox', { name: 'From name' }).fill('Eastmere Partnership Secretariat');
    expect(await seriousViolations(page)).toEqual([]);
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.waitFor({ state: 'detached' });

    // The officer reads the first request and adds a line.
    const first = due.getByRole('button', { name: /^Read and edit: Paper requested/ }).first();
    const subject = (await first.getAttribute('aria-label'))!.replace('Read and edit: ', '');
    await first.click();
    const edit = page.getByRole('dialog', { name: 'Read and edit the message' });
    const body = edit.getByRole('textbox', { name: 'Message' });
    await body.fill(`${await body.inputValue()}\n\nP.S. The chair would like the data as an appendix.`);
    await edit.getByRole('button', { name: 'Save the message' }).click();
    await edit.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Choose all that can go' }).click();
    const chosen = await due.getByRole('checkbox', { checked: true }).count();
    expect(chosen).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Send \d+ through 127\.0\.0\.1$/ }).click();
    await page.getByRole('status').getByText(new RegExp(`^Sent ${chosen}`)).waitFor();
    await screenshot(page, 'outbox.png');

    expect(mail.delivered).toHaveLength(chosen);
    const mine = mail.delivered.find((m) => m.subject === subject)!;
    expect(mine.text).toContain('P.S. The chair would like the data as an appendix.');
    expect(mine.text).toMatch(/clear working days before the meeting/);
    expect(listRecords(host.session.store.data, 'message').filter((m) => m.status === 'sent')).toHaveLength(chosen);
    await expect.poll(() => page.getByRole('table', { name: 'Messages sent' }).getByRole('row').count()).toBe(chosen);
    // Sent once: none of them is due again.
    expect(await due.getByRole('button', { name: `Read and edit: ${subject}` }).count()).toBe(0);
  });
});
