import { mkdirSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { OutboxEntry } from '../../shared/features/outbox';
import type { Partnership } from '../../shared/schema/records';
import { QuorumFailure } from '../../shared/result';
/** What records each outcome: the solo store or a team's (docs/ARCHITECTURE.md, the life of a save). */
type Recorder = { run(name: 'outbox:recordOutcome', input: unknown): Promise<unknown> };
import type { Clock } from '../../shared/clock';

/**
 * Sending the outbox (docs/ARCHITECTURE.md, the outbox) through the partnership's own mail server:
 * SMTP with STARTTLS (or TLS) and the officer's sign-in, whose password comes from the operating
 * system's credential store in the app, or QUORUM_SMTP_PASSWORD for `quorum outbox`. Plain SMTP is
 * allowed only to this computer. With no server set, each message is saved as an .eml file to send
 * from Outlook. Each message sent is recorded at once, so a second run sends nothing twice.
 */
export type MailServer = NonNullable<Partnership['mail']> & { password?: string; /** PEM text of a certificate authority to trust as well as the system's. */ ca?: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
export const isLoopback = (host: string) => LOOPBACK.has(host.toLowerCase()) || (isIP(host) === 4 && host.startsWith('127.'));

/** `smtp://host:port` or `smtps://host:port` (the user before @, as `smtp://officer@mail.council.gov.uk:587`). */
export const serverFromUrl = (url: string, from: string): MailServer => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QuorumFailure('invalid-input', `“${url}” is not a mail server address: write it as smtp://mail.council.gov.uk:587`);
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new QuorumFailure('invalid-input', `“${url}” is not a mail server address: write it as smtp://mail.council.gov.uk:587`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const tls = u.protocol === 'smtps:';
  return { host, port: Number(u.port) || (tls ? 465 : 587), security: tls ? 'tls' : isLoopback(host) && u.searchParams.get('starttls') !== 'yes' ? 'none' : 'starttls', user: decodeURIComponent(u.username), from, fromName: '' };
};

/** Plain words for what a mail server said. */
const plainReason = (err: unknown): string => {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  if (/certificate|self[- ]signed|unable to verify/i.test(e.message ?? '')) return `The mail server's certificate could not be trusted (${e.message}): ask IT for the council's certificate authority and give it in the mail settings (or --smtp-ca).`;
  if (e.code === 'EAUTH') return `The mail server did not accept the sign-in${e.response ? ` (${e.response})` : ''}: check the user name and password.`;
  if (e.code === 'ECONNECTION' || e.code === 'ECONNREFUSED' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKET') return `The mail server could not be reached (${e.message ?? e.code}): check its address and that this computer may use it.`;
  if (e.code === 'EENVELOPE' || (e.responseCode && e.responseCode >= 500)) return `The mail server refused the message: ${e.response ?? e.message ?? 'no reason given'}.`;
  if (e.responseCode && e.responseCode >= 400) return `The mail server could not take the message now (${e.response ?? e.message}); it stays in the outbox to try again.`;
  return e.message ?? String(err);
};

type Outcome = { sent: number; failed: { key: string; reason: string }[]; files: string[] };

const fromOf = (server: Pick<MailServer, 'from' | 'fromName'>) => (server.fromName ? { name: server.fromName, address: server.from } : server.from);
const mailOf = (m: OutboxEntry, server: Pick<MailServer, 'from' | 'fromName'>) => ({ from: fromOf(server), to: m.to.map((r) => ({ name: r.name, address: r.email })), subject: m.subject, text: m.body });
const recordable = (m: OutboxEntry) => ({ key: m.key, kind: m.kind, to: m.to, subject: m.subject, body: m.body, dueOn: m.dueOn, about: m.about });

/** Sends each message through the server, recording each as it goes; one the server refuses stays in the outbox with why. */
export const sendThroughServer = async (store: Recorder, messages: readonly OutboxEntry[], server: MailServer, clock: Clock, progress?: (done: number, total: number, label: string) => void): Promise<Outcome> => {
  if (server.security === 'none' && !isLoopback(server.host))
    throw new QuorumFailure('invalid-input', `Plain SMTP (no encryption) is allowed only to this computer; ${server.host} needs STARTTLS or TLS.`);
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    ...(server.user ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
    // The certificate is always checked; a council's own authority can be trusted as well as the system's.
    tls: { rejectUnauthorized: true, ...(server.ca ? { ca: [server.ca] } : {}) },
    connectionTimeout: 20_000,
  });
  const outcome: Outcome = { sent: 0, failed: [], files: [] };
  try {
    let done = 0;
    for (const m of messages) {
      progress?.(done, messages.length, `Sending ${m.subject}`);
      if (m.problem) {
        outcome.failed.push({ key: m.key, reason: m.problem });
        continue;
      }
      try {
        await transport.sendMail(mailOf(m, server));
        await store.run('outbox:recordOutcome', { message: recordable(m), sent: { at: clock.now(), via: 'smtp', server: `${server.host}:${server.port}` } });
        outcome.sent++;
      } catch (err) {
        const reason = plainReason(err);
        await store.run('outbox:recordOutcome', { message: recordable(m), failure: { at: clock.now(), reason } });
        outcome.failed.push({ key: m.key, reason });
      }
      progress?.(++done, messages.length, `Sent ${done} of ${messages.length}`);
    }
  } finally {
    transport.close();
  }
  return outcome;
};

/** Without a server: each message as an .eml file in `folder`, to open and send from Outlook; recorded as sent that way. */
export const saveAsEml = async (store: Recorder, messages: readonly OutboxEntry[], folder: string, from: Pick<MailServer, 'from' | 'fromName'>, clock: Clock): Promise<Outcome> => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  mkdirSync(folder, { recursive: true });
  const outcome: Outcome = { sent: 0, failed: [], files: [] };
  for (const m of messages) {
    if (m.problem) {
      outcome.failed.push({ key: m.key, reason: m.problem });
      continue;
    }
    const info = (await transport.sendMail(mailOf(m, from))) as unknown as { message: Buffer };
    const file = join(folder, `${m.dueOn} ${m.subject.replace(/[\\/:*?"<>|]+/g, '-').slice(0, 120)}.eml`);
    writeFileSync(file, info.message);
    await store.run('outbox:recordOutcome', { message: recordable(m), sent: { at: clock.now(), via: 'eml', file } });
    outcome.sent++;
    outcome.files.push(file);
  }
  return outcome;
};
