import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { listRecords } from '../../shared/data';
import { outboxDue } from '../../shared/features/outbox';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import { bankHolidaysAround } from '../services/holidays';
import { sendThroughServer, serverFromUrl, type MailServer } from '../services/mail';
import { EXIT, requireData, UsageError, type Subcommand } from './command';
import { VERBS } from './verbs';

/**
 * `quorum outbox`: what the outbox holds that is due (paper requests, reminders, chasers, clearance
 * requests, action reminders), and with --send, sends it through the partnership's mail server, for
 * a scheduled task on a council PC. Each message is sent once, ever.
 */
export const outboxCommand = (): Subcommand => ({
  ...VERBS.outbox,
  async run(values, out, { clock }) {
    const dir = requireData(values);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), mode: values.send ? 'write' : 'read', clock });
    try {
      const today = clock.today();
      const due = outboxDue(store.data, { today, holidays: bankHolidaysAround(today) });
      if (!values.send) {
        if (values.json) out.log(JSON.stringify({ dataDir: dir, today, due }, null, 2));
        else if (!due.length) out.log('Nothing is due in the outbox.');
        else for (const m of due) out.log(`${m.dueOn}  ${m.kind.padEnd(17)}  to ${m.to.map((r) => `${r.name}${r.email ? ` <${r.email}>` : ''}`).join(', ')}: ${m.subject}${m.problem ? `\n            cannot send: ${m.problem}` : ''}`);
        return EXIT.ok;
      }
      const partnership = listRecords(store.data, 'partnership')[0];
      const from = partnership?.mail?.from || partnership?.contact.email;
      let server: MailServer;
      if (typeof values.smtp === 'string' && values.smtp.trim()) {
        if (!from) throw new UsageError('Messages need an address to come from: set the partnership’s contact e-mail or its mail settings in Settings');
        server = serverFromUrl(values.smtp.trim(), from);
      } else if (partnership?.mail) server = { ...partnership.mail };
      else throw new UsageError('No mail server: give --smtp smtp://host:port, or set the partnership’s mail server in Settings');
      server.password = process.env.QUORUM_SMTP_PASSWORD;
      const caFile = typeof values['smtp-ca'] === 'string' && values['smtp-ca'] ? values['smtp-ca'] : server.caFile;
      if (caFile) {
        if (!existsSync(caFile)) throw new UsageError(`There is no certificate file ${caFile}`);
        server.ca = readFileSync(caFile, 'utf8');
      }
      const outcome = due.length ? await sendThroughServer(store, due, server, clock) : { sent: 0, failed: [], files: [] };
      if (values.json) out.log(JSON.stringify({ dataDir: dir, today, server: `${server.host}:${server.port}`, ...outcome }, null, 2));
      else {
        out.log(`Sent ${outcome.sent} message${outcome.sent === 1 ? '' : 's'} through ${server.host}:${server.port}.`);
        for (const f of outcome.failed) out.error(`Not sent: ${due.find((m) => m.key === f.key)?.subject ?? f.key}: ${f.reason}`);
      }
      return outcome.failed.length ? EXIT.failed : EXIT.ok;
    } finally {
      store.close();
    }
  },
});
