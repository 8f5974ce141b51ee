import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server on 127.0.0.1 for one test file (smtp-server), started before its tests and
 * closed after: every message it takes is read back as a mail client would (mailparser).
 * `options` adds what the file tests (sign-in, STARTTLS, refusing a recipient).
 */
export const useMailServer = (options: () => Omit<SMTPServerOptions, 'onData'> = () => ({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'] })) => {
  const mail = { port: 0, delivered: [] as ParsedMail[] };
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      ...options(),
      onData(stream, _session, cb) {
        simpleParser(stream).then((m) => {
          mail.delivered.push(m);
          cb();
        }, cb);
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    mail.port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
  });
  return mail;
};
