import { describe, expect, it } from 'vitest';
import { useMailServer } from '../mailServer';
import { simpleParser, type ParsedMail } from 'mailparser';
import { runCli, useExampleFolders } from '../helpers';
import { listRecords } from '../../shared/data';

/**
 * The outbox sent through a real SMTP server started here on 127.0.0.1 (smtp-server), each message
 * read back as a mail client would (mailparser): recipients, subject, the deadline in the body, no
 * Part 2 words; a second run sends nothing twice; a refused recipient stays in the outbox with why.
 */
const refuse = new Set<string>();
const logins: string[] = [];
const mail = useMailServer(() => ({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  onAuth(auth, _session, cb) {
    logins.push(`${auth.username}:${auth.password}`);
    if (auth.password !== 'Mail-Password-1') return cb(new Error('Invalid username or password'));
    cb(null, { user: auth.username });
  },
  onRcptTo(address, _session, cb) {
    if (refuse.has(address.address)) return cb(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
    cb();
  },
}));

const folders = useExampleFolders();
const call = async (dir: string, channel: string, input: unknown, today: string) => {
  const r = await runCli('call', channel, '--data', dir, '--input', JSON.stringify(input), '--today', today);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

describe('quorum outbox through the partnership’s mail server', () => {
  it('sends what is due once, read back by a mail client with the deadline in clear working days and no Part 2 words', async () => {
    const dir = folders.temp();
    const today = '2025-05-19';
    expect((await runCli('init', '--data', dir, '--partnership', 'Harrowfield Partnership', '--today', today)).code).toBe(0);
    const { organisationId } = await call(dir, 'organisations:add', { name: 'Harrowfield Council', kind: 'council' }, today);
    const { personId: mina } = await call(dir, 'people:add', { name: 'Mina Farrow', jobTitle: 'Head of Commissioning', organisationId, email: 'mina.farrow@harrowfield.example', phone: '' }, today);
    const { personId: jon } = await call(dir, 'people:add', { name: 'Jon Keel', jobTitle: 'Commercial Lead', organisationId, email: 'jon.keel@harrowfield.example', phone: '' }, today);
    const { boardId } = await call(dir, 'boards:add', { name: 'Harrowfield Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' }, today);
    const { meetingId } = await call(dir, 'meetings:create', { boardId, date: '2025-06-10', startTime: '14:00', endTime: '16:00', venue: 'Civic Centre' }, today);
    await call(dir, 'agenda:add', { meetingId, title: 'Pharmaceutical needs assessment', purpose: 'decision', durationMinutes: 20, presenterIds: [mina], paperRequested: true, authorPersonId: mina }, today);
    await call(dir, 'agenda:add', { meetingId, title: 'Award of the pharmacy contract to Provider K', purpose: 'decision', durationMinutes: 10, presenterIds: [], paperRequested: true, authorPersonId: jon }, today);
    const items = await call(dir, 'agenda:list', { meetingId }, today);
    const exempt = items.find((i: { title: string }) => i.title.startsWith('Award'));
    await call(dir, 'agenda:setPartTwo', { agendaItemId: exempt.id, part2: { paragraph: 3, reason: 'Commercial terms', publicTitle: 'Pharmacy contract (exempt)' } }, today);

    // Listed first: the two paper requests (six weeks ahead has passed), nothing sent.
    const listed = await runCli('outbox', '--data', dir, '--json', '--today', today);
    expect(JSON.parse(listed.out).due.map((m: { kind: string; to: { name: string }[] }) => [m.kind, m.to[0].name])).toEqual([
      ['paper-request', 'Mina Farrow'],
      ['paper-request', 'Jon Keel'],
    ]);

    // Sent through the server, signed in with the password from the environment.
    const before = process.env.QUORUM_SMTP_PASSWORD;
    process.env.QUORUM_SMTP_PASSWORD = 'Mail-Password-1';
    try {
      await call(dir, 'partnership:setMail', { mail: { host: '127.0.0.1', port: mail.port, security: 'none', user: 'secretariat', from: 'secretariat@harrowfield.example', fromName: 'Harrowfield Partnership' } }, today);
      const sent = await runCli('outbox', '--data', dir, '--send', '--json', '--today', today);
      expect(sent.code, sent.err).toBe(0);
      expect(JSON.parse(sent.out)).toMatchObject({ sent: 2, failed: [] });
      expect(logins).toContain('secretariat:Mail-Password-1');
      const named = (a: ParsedMail['to'] | ParsedMail['from']) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => `${v.name} <${v.address}>`)).join(', ');
      expect(mail.delivered.map((m) => [named(m.to), m.subject])).toEqual([
        ['Mina Farrow <mina.farrow@harrowfield.example>', 'Paper requested: Pharmaceutical needs assessment (Harrowfield Health and Wellbeing Board, Tuesday 10 June 2025)'],
        ['Jon Keel <jon.keel@harrowfield.example>', 'Paper requested: Pharmacy contract (exempt) (Harrowfield Health and Wellbeing Board, Tuesday 10 June 2025)'],
      ]);
      expect(named(mail.delivered[0].from)).toBe('Harrowfield Partnership <secretariat@harrowfield.example>');
      expect(mail.delivered[0].text).toContain('by Monday 2 June 2025 (5 clear working days before the meeting');
      for (const m of mail.delivered) expect(`${m.subject}\n${m.text}`).not.toMatch(/Provider K|Award of the pharmacy/);

      // Again: nothing twice.
      const again = await runCli('outbox', '--data', dir, '--send', '--json', '--today', today);
      expect(JSON.parse(again.out)).toMatchObject({ sent: 0 });
      expect(mail.delivered).toHaveLength(2);

      // A week later the reminders fall due; the server refuses Jon's: it stays in the outbox with the server's reason.
      refuse.add('jon.keel@harrowfield.example');
      const later = await runCli('outbox', '--data', dir, '--send', '--today', '2025-05-28');
      expect(later.code).toBe(1);
      expect(later.err).toMatch(/Not sent: Reminder: paper due 2 June 2025: Pharmacy contract \(exempt\): The mail server refused the message: .*mailbox unavailable/);
      const left = JSON.parse((await runCli('outbox', '--data', dir, '--json', '--today', '2025-05-28')).out).due;
      expect(left).toEqual([expect.objectContaining({ kind: 'paper-reminder', failure: expect.objectContaining({ reason: expect.stringMatching(/mailbox unavailable/) }) })]);

      // A wrong password is refused in plain words, and nothing is recorded as sent.
      refuse.clear();
      process.env.QUORUM_SMTP_PASSWORD = 'wrong';
      const denied = await runCli('outbox', '--data', dir, '--send', '--today', '2025-05-28');
      expect(denied.err).toMatch(/The mail server did not accept the sign-in/);
      // Plain SMTP to another computer is refused by the setting itself, in plain words.
      const plain = await runCli('call', 'partnership:setMail', '--data', dir, '--input', JSON.stringify({ mail: { host: 'mail.harrowfield.example', port: 25, security: 'none', user: '', from: 'secretariat@harrowfield.example', fromName: '' } }), '--today', today);
      expect(plain).toMatchObject({ code: 1, err: expect.stringMatching(/Plain SMTP \(no encryption\) is allowed only to this computer/) });
    } finally {
      if (before === undefined) delete process.env.QUORUM_SMTP_PASSWORD;
      else process.env.QUORUM_SMTP_PASSWORD = before;
    }
  });
});

describe('the outbox with no mail server', () => {
  it('saves each message as an .eml file a mail client opens, records it as sent that way, and never writes it twice', async () => {
    const { Session } = await import('../../main/services/session');
    const { createDispatcher } = await import('../../main/services/dispatch');
    const { createHandlers } = await import('../../main/services/handlers');
    const { loadExample } = await import('../../main/services/example');
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { stubPlatform, tempDir, testClock } = await import('../helpers');
    const t = tempDir();
    const session = new Session(join(t.dir, 'data'), () => {}, { clock: testClock() });
    try {
      await loadExample(session.store);
      const folder = join(t.dir, 'to send');
      const call = createDispatcher(createHandlers(session, stubPlatform({ chooseFolder: async () => folder })));
      const listed = (await call('outbox:list', {})) as { ok: true; value: { due: { key: string; subject: string; problem?: string }[] } };
      const ready = listed.value.due.filter((m) => !m.problem).slice(0, 2);
      expect(ready).toHaveLength(2);
      const sent = await call('outbox:send', { keys: ready.map((m) => m.key) });
      expect(sent).toMatchObject({ ok: true, value: { sent: 2, failed: [] } });
      const files = readdirSync(folder).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(2);
      const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(folder, f)))));
      expect(mails.map((m) => m.subject).sort()).toEqual(ready.map((m) => m.subject).sort());
      expect(listRecords(session.store.data, 'message').map((m) => [m.status, m.sent?.via])).toEqual([['sent', 'eml'], ['sent', 'eml']]);
      expect(await call('outbox:send', { keys: ready.map((m) => m.key) })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Nothing chosen is still due/) } });
    } finally {
      session.close();
      t.cleanup();
    }
  });
});
