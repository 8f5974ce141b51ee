import { z } from 'zod';
import { isoDate, isoTimestamp, line, optionalLine, recordBase, recordId } from './common';

/**
 * The outbox (docs/ARCHITECTURE.md, the outbox): a message Quorum wrote, once the secretariat has
 * edited it, or once it was sent or failed. Messages not yet touched are not stored: they are
 * worked out from the records when due (shared/rules/outbox.ts).
 */
export const OUTBOX_KINDS = ['paper-request', 'paper-reminder', 'paper-chaser', 'clearance-request', 'action-reminder', 'circulation-notice', 'resolution', 'resolution-reminder', 'interests-request', 'interests-reminder'] as const;
export const recipientSchema = z.object({ personId: recordId('person').optional(), name: line(200), email: z.string().trim().email('Give an e-mail address like name@council.gov.uk').max(200) }).strict();

export const messageSchema = recordBase('message').extend({
  /** The message's key: one message per key, ever sent once. */
  key: line(200),
  kind: z.enum(OUTBOX_KINDS),
  to: z.array(recipientSchema).min(1).max(200),
  subject: line(500),
  body: z.string().min(1).max(50_000),
  dueOn: isoDate,
  about: z.array(z.string().max(100)).max(20),
  status: z.enum(['draft', 'sent', 'failed']),
  /** How it went: through the mail server, or saved as an .eml file to send from Outlook. */
  sent: z.object({ at: isoTimestamp, via: z.enum(['smtp', 'eml']), server: optionalLine(300).optional(), file: optionalLine(4000).optional() }).strict().optional(),
  /** The last failed attempt, in the server's words made plain. */
  failure: z.object({ at: isoTimestamp, reason: line(2000) }).strict().optional(),
});

/** Where the partnership's mail goes out: the council's own server (no password here: that is kept by the operating system). */
export const mailSettingsSchema = z
  .object({
    host: line(300),
    port: z.number().int().min(1).max(65535),
    /** STARTTLS on a submission port (587), TLS from the start (465), or plain SMTP (only to this computer). */
    security: z.enum(['starttls', 'tls', 'none']),
    user: optionalLine(300),
    from: z.string().trim().email('Give the address messages come from').max(200),
    fromName: optionalLine(200),
    /** The council's own certificate authority (a PEM file on this computer), when its mail server's certificate is issued by one. */
    caFile: optionalLine(4000).optional(),
  })
  .strict();
