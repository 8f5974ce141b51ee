import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMailServer } from '../mailServer';
import { runCli, useExampleFolders } from '../helpers';

/**
 * STARTTLS with the sign-in, as a council's submission port asks: a real smtp-server on 127.0.0.1
 * offering STARTTLS with a certificate from the test's own authority (test/fixtures/tls, valid to
 * 2126). The certificate is checked: trusted only when its authority is given (--smtp-ca), and the
 * password never crosses before the connection is encrypted.
 */
const TLS = join(__dirname, '../fixtures/tls');
const sessions: { secure: boolean; user?: string }[] = [];
const mail = useMailServer(() => ({
  key: readFileSync(join(TLS, 'server.key')),
  cert: readFileSync(join(TLS, 'server.pem')),
  onAuth(auth, session, cb) {
    sessions.push({ secure: session.secure, user: auth.username });
    if (!session.secure) return cb(new Error('Encryption required before sign-in'));
    cb(auth.password === 'Mail-Password-1' ? null : new Error('Invalid username or password'), { user: auth.username });
  },
}));

const folders = useExampleFolders();

describe('quorum outbox over STARTTLS', () => {
  it('encrypts before signing in, trusts the council’s own authority when given, and refuses an untrusted certificate in plain words', async () => {
    const dir = await folders.example();
    const before = process.env.QUORUM_SMTP_PASSWORD;
    process.env.QUORUM_SMTP_PASSWORD = 'Mail-Password-1';
    try {
      const r = await runCli('call', 'partnership:setMail', '--data', dir, '--input', JSON.stringify({ mail: { host: '127.0.0.1', port: mail.port, security: 'starttls', user: 'secretariat', from: 'secretariat@eastmere.example', fromName: '' } }));
      expect(r.code, r.err).toBe(0);
      // Without the authority: the certificate is not trusted, nothing is sent, and no password went out.
      const untrusted = await runCli('outbox', '--data', dir, '--send');
      expect(untrusted.code).toBe(1);
      expect(untrusted.err).toMatch(/certificate could not be trusted/);
      expect(mail.delivered).toHaveLength(0);
      expect(sessions).toEqual([]);
      // With it: STARTTLS, then the sign-in over the encrypted connection.
      const sent = await runCli('outbox', '--data', dir, '--send', '--json', '--smtp-ca', join(TLS, 'ca.pem'));
      expect(sent.code, sent.err).toBe(0);
      expect(JSON.parse(sent.out).sent).toBeGreaterThan(0);
      expect(mail.delivered.length).toBe(JSON.parse(sent.out).sent);
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => s.secure && s.user === 'secretariat')).toBe(true);
    } finally {
      if (before === undefined) delete process.env.QUORUM_SMTP_PASSWORD;
      else process.env.QUORUM_SMTP_PASSWORD = before;
    }
  });
});
