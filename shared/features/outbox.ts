import { z } from 'zod';
import { isoDate, isoTimestamp, line, noInput, optionalLine } from '../schema/common';
import { mailSettingsSchema, OUTBOX_KINDS, recipientSchema } from '../schema/outbox';
import type { Message, RecordOf } from '../schema/records';
import { getRecord, listRecords, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import { clip } from '../rules/words';
import { messagesDue, type DueMessage } from '../rules/outbox';
import { ChangeSet } from '../kernel/changeSet';
import { effect, internalMutation, mutation, query } from '../kernel/operation';
import type { ViewEnv } from '../kernel/operation';
import { compareCodes } from '../rules/textOrder';

/**
 * The outbox (docs/ARCHITECTURE.md, the outbox): every message Quorum writes, due now, for the
 * secretariat to read, edit and send through the partnership's own mail server (or save as .eml
 * files for Outlook). A message is sent once: its key is recorded with what was sent, to whom, when.
 */

export type OutboxEntry = DueMessage & { edited: boolean; rev?: number; failure?: { at: string; reason: string } };

const messagesByKey = (data: StoreData) => new Map(listRecords(data, 'message').map((m) => [m.key, m]));

/** What is due and not yet sent: each message as Quorum wrote it, or as the secretariat edited it, with its last failure. */
export const outboxDue = (data: StoreData, env: Pick<ViewEnv, 'today' | 'holidays'>): OutboxEntry[] => {
  const stored = messagesByKey(data);
  const sent = new Set([...stored.values()].filter((m) => m.status === 'sent').map((m) => m.key));
  return messagesDue(data, env.today, env.holidays, sent).map((m) => {
    const own = stored.get(m.key);
    if (!own) return { ...m, edited: false };
    const edited = { ...m, to: own.to, subject: own.subject, body: own.body, edited: true, rev: own.rev };
    const problem = own.to.some((r) => !r.email) ? m.problem : undefined;
    return { ...edited, problem, ...(own.failure ? { failure: own.failure } : {}) };
  });
};

export const listOutbox = query({
  name: 'outbox:list',
  input: noInput,
  reads: 'all',
  view: (data, _input, env) => ({
    due: outboxDue(data, env),
    sent: listRecords(data, 'message')
      .filter((m) => m.status === 'sent')
      .sort((a, b) => compareCodes(b.sent?.at ?? '', a.sent?.at ?? ''))
      .slice(0, 200)
      .map((m) => ({ key: m.key, kind: m.kind, to: m.to, subject: m.subject, sent: m.sent! })),
    mail: listRecords(data, 'partnership')[0]?.mail ?? null,
  }),
});

const saveMessage = (data: StoreData, cs: ChangeSet, entry: Pick<OutboxEntry, 'key' | 'kind' | 'to' | 'subject' | 'body' | 'dueOn' | 'about'>, patch: Partial<Pick<Message, 'to' | 'subject' | 'body' | 'status' | 'sent' | 'failure'>>) => {
  const current = listRecords(data, 'message').find((m) => m.key === entry.key);
  if (current) return cs.update(current, patch);
  return cs.create<Message>({
    id: cs.newId('message'),
    type: 'message',
    key: entry.key,
    kind: entry.kind,
    to: entry.to.filter((r) => r.email) as Message['to'],
    subject: entry.subject,
    body: entry.body,
    dueOn: entry.dueOn,
    about: entry.about,
    status: 'draft',
    ...patch,
  } as RecordOf<'message'>);
};

/** The secretariat's own words for a message before it goes: recipients, subject, text (as the outbox listed it). */
export const editMessage = mutation({
  name: 'outbox:edit',
  writes: ['message'],
  input: z
    .object({
      key: line(200),
      kind: z.enum(OUTBOX_KINDS),
      dueOn: isoDate,
      about: z.array(z.string().max(100)).max(20),
      to: z.array(recipientSchema).min(1, 'Send it to someone').max(200),
      subject: line(500),
      body: z.string().trim().min(1, 'Write the message').max(50_000),
    })
    .strict(),
  apply(data, input, ctx) {
    const prior = listRecords(data, 'message').find((m) => m.key === input.key);
    if (prior?.status === 'sent') throw new QuorumFailure('conflict', `“${clip(prior.subject, 80)}” was sent already; it is never sent twice.`);
    const cs = new ChangeSet(data, ctx);
    saveMessage(data, cs, input, { to: input.to, subject: input.subject, body: input.body });
    return cs.result(`Edited the message “${clip(input.subject, 80)}”`);
  },
});

/** Main records each message it sent (never sent again) or that the server refused (kept in the outbox with why). */
export const recordSendOutcome = internalMutation({
  name: 'outbox:recordOutcome',
  writes: ['message'],
  input: z
    .object({
      message: z.object({ key: line(200), kind: z.enum(OUTBOX_KINDS), to: z.array(recipientSchema).min(1), subject: line(500), body: z.string().min(1), dueOn: z.string(), about: z.array(z.string()) }),
      sent: z.object({ at: isoTimestamp, via: z.enum(['smtp', 'eml']), server: optionalLine(300).optional(), file: optionalLine(4000).optional() }).strict().optional(),
      failure: z.object({ at: isoTimestamp, reason: line(2000) }).strict().optional(),
    })
    .strict(),
  apply(data, { message, sent, failure }, ctx) {
    const prior = listRecords(data, 'message').find((m) => m.key === message.key);
    if (prior?.status === 'sent') throw new QuorumFailure('conflict', `“${clip(message.subject, 80)}” was sent already; it is never sent twice.`);
    const cs = new ChangeSet(data, ctx);
    saveMessage(data, cs, message, { to: message.to, subject: message.subject, body: message.body, ...(sent ? { status: 'sent' as const, sent, failure: undefined } : { status: 'failed' as const, failure }) });
    return cs.result(sent ? `Sent “${clip(message.subject, 80)}” to ${message.to.map((r) => r.name).join(', ')}` : `Could not send “${clip(message.subject, 80)}”: ${failure?.reason ?? 'no reason given'}`);
  },
});

/** The partnership's mail server (the password is kept by the operating system, never here). */
export const setMailSettings = mutation({
  name: 'partnership:setMail',
  writes: ['partnership'],
  input: z.object({ mail: mailSettingsSchema.nullable() }).strict(),
  apply(data, { mail }, ctx) {
    const p = listRecords(data, 'partnership')[0];
    if (!p) throw new QuorumFailure('not-found', 'Set up the partnership first.');
    // Passwords and papers cross the network in the clear without encryption: plain SMTP is for a server on this computer only.
    if (mail?.security === 'none' && !/^(localhost|127(\.\d{1,3}){3}|::1)$/i.test(mail.host))
      throw new QuorumFailure('invalid-input', `Plain SMTP (no encryption) is allowed only to this computer; ${mail.host} needs STARTTLS or TLS.`, { security: 'Use STARTTLS or TLS' });
    const cs = new ChangeSet(data, ctx);
    cs.update(getRecord(data, 'partnership', p.id), { mail: mail ?? undefined });
    return cs.result(mail ? `Mail goes out through ${mail.host}:${mail.port} from ${mail.from}` : 'Messages are saved as .eml files to send from Outlook');
  },
});

/** Keeps the mail server password in the operating system's credential store (the app only; never in the data folder). */
export const setMailPassword = effect<{ saved: boolean }>()({ name: 'outbox:setPassword', input: z.object({ password: z.string().max(500) }).strict() });

/** Sends the messages chosen (or saves them as .eml files where no server is set): main does the sending. */
export const sendOutbox = effect<{ sent: number; failed: { key: string; reason: string }[]; files: string[] }>()({
  name: 'outbox:send',
  input: z.object({ keys: z.array(line(200)).min(1).max(500) }).strict(),
});
