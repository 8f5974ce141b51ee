import { listRecords } from '../../shared/data';
import type { Handlers } from '../../shared/contract';
import { buildDashboard } from '../../shared/rules/dashboard';
import { checkExternalLink } from '../../shared/rules/links';
import { QuorumFailure } from '../../shared/result';
import { bankHolidaysAround } from './holidays';
import { currentUser, type Session } from './session';
import type { Platform } from './platform';

const today = (now: () => string) => now().slice(0, 10);

/**
 * The one handler table. Electron's IPC and the e2e host's HTTP transport both bind exactly this,
 * so no handler is written twice and the e2e tests exercise the code the app runs.
 */
export const createHandlers = (session: Session, platform: Platform, now: () => string = () => new Date().toISOString()): Handlers => {
  const requireReady = () => {
    const status = session.store.status();
    if (status.state === 'recovery-needed')
      throw new QuorumFailure('store-unavailable', 'The store needs recovery first: restore a backup or start again.');
    return session.store;
  };
  const partnership = () => listRecords(session.store.data, 'partnership')[0] ?? null;

  return {
    'app:info': () => ({ version: platform.appVersion, dataDir: session.dataDir, user: currentUser(), platform: process.platform }),
    'store:status': () => session.store.status(),
    'store:start': async (input) => {
      const status = session.store.status();
      if (status.state === 'ready') throw new QuorumFailure('conflict', 'This data folder already holds a partnership.');
      if (input.mode === 'example') await session.store.run('example.load', {});
      else await session.store.run('partnership.setUp', { name: input.name });
      return session.store.status();
    },
    'store:recover': async ({ backupId }) => {
      await session.store.restore(backupId);
      return session.store.status();
    },
    'dashboard:get': () => {
      const day = today(now);
      return buildDashboard(requireReady().data, day, bankHolidaysAround(day));
    },
    'partnership:get': () => partnership(),
    'partnership:update': async (input) => {
      await requireReady().run('partnership.update', input);
      return partnership()!;
    },
    'backups:list': () => session.store.backups(),
    'backups:restore': async ({ backupId }) => {
      await session.store.restore(backupId);
      return session.store.status();
    },
    'journal:list': ({ limit }) => ({
      check: session.store.status().journal,
      entries: session.store.journalEntries(limit).map((e) => ({
        seq: e.seq,
        at: e.at,
        user: e.user,
        command: e.command,
        summary: e.summary,
        ids: e.changes.map((c) => c.id),
      })),
    }),
    'settings:moveDataFolder': async () => {
      const target = await platform.chooseFolder('Choose a folder for Quorum’s data');
      if (!target) return { moved: false, dataDir: session.dataDir, message: 'No folder was chosen; nothing changed.' };
      const result = session.moveTo(target);
      if (result.moved) platform.rememberDataDir(result.dataDir);
      return result;
    },
    'shell:openExternal': async ({ url }) => {
      const verdict = checkExternalLink(url);
      if (!verdict.allowed) throw new QuorumFailure('not-allowed', verdict.reason);
      await platform.openExternal(verdict.url);
      return { opened: true };
    },
  };
};
