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
    const due = q.outbox.due;
    await due.waitFor();
    const rows = await q.outbox.dueRows();
    expect(rows.some((r) => /Paper requested: .*Eastmere Children’s Trust Board, Tuesday 15 December 2026/.test(r))).toBe(true);

    // The mail server: the council's, here one on this computer.
    await q.outbox.useServer(mail.port, { address: 'secretariat@eastmere.example', name: 'Eastmere Partnership Secretariat' });
    expect(await seriousViolations(page)).toEqual([]);
    await q.outbox.saveServer.click();
    await q.outbox.saveServer.waitFor({ state: 'detached' });

    // The officer reads the first request and adds a line.
    const first = q.outbox.read(/Paper requested/).first();
    const subject = (await first.getAttribute('aria-label'))!.replace('Read and edit: ', '');
    await first.click();
    const body = q.outbox.editor.body;
    await body.fill(`${await body.inputValue()}\n\nP.S. The chair would like the data as an appendix.`);
    await q.outbox.editor.save.click();
    await q.outbox.editor.dialog.waitFor({ state: 'detached' });

    await q.outbox.chooseAll.click();
    const chosen = await q.outbox.chosen.count();
    expect(chosen).toBeGreaterThan(0);
    const dueAsSaid = await q.outbox.sendAndReadDueAsSaid();
    await q.outbox.status.getByText(new RegExp(`^Sent ${chosen}`)).waitFor();
    // Said once the list is read again: no message sent is still listed as due beside "Sent".
    expect(dueAsSaid).toEqual([]);
    await screenshot(page, 'outbox.png');

    expect(mail.delivered).toHaveLength(chosen);
    const mine = mail.delivered.find((m) => m.subject === subject)!;
    expect(mine.text).toContain('P.S. The chair would like the data as an appendix.');
    expect(mine.text).toMatch(/clear working days before the meeting/);
    expect(listRecords(host.session.store.data, 'message').filter((m) => m.status === 'sent')).toHaveLength(chosen);
    await expect.poll(() => q.outbox.sent.getByRole('row').count()).toBe(chosen);
    // Sent once: none of them is due again.
    expect(await q.outbox.read(subject).count()).toBe(0);
  });
});
