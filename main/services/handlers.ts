import { existsSync } from 'node:fs';
import { findRecord, listRecords } from '../../shared/data';
import { boardMeetings, nextMeeting } from '../../shared/rules/boards';
import { agendaLine, agendaLines } from './agenda';
import { readReturnedFile } from './returnedCopies';
import { EXPORT_LABEL, suggestedExportName, suggestedGovernanceName, writeCalendar, writeGovernanceExport, writePlanExport, writeWordExport } from './exports';
import { PAPER_EXTENSIONS, readPaperFile } from './papers';
import { buildPackFile, packHistory, runPreflight, suggestedPackName } from './packs';
import type { Done, Handlers } from '../../shared/contract';
import { meetingView } from '../../shared/rules/meetingView';
import { protocolList, protocolView } from '../../shared/rules/protocolView';
import { diffVersions } from '../../shared/rules/protocolDiff';
import { forwardPlanView, plannerView } from '../../shared/rules/planView';
import { actionLogView } from '../../shared/rules/actionLog';
import { outstandingPapers } from '../../shared/rules/papers';
import { buildDashboard } from '../../shared/rules/dashboard';
import { checkExternalLink } from '../../shared/rules/links';
import { QuorumFailure } from '../../shared/result';
import { bankHolidaysAround } from './holidays';
import { currentUser, type Session } from './session';
import type { Platform } from './platform';

/**
 * The one handler table. Electron's IPC and the e2e host's HTTP transport both bind exactly this,
 * so no handler is written twice and the e2e tests exercise the code the app runs.
 */
export const createHandlers = (session: Session, platform: Platform): Handlers => {
  // One clock for every view and export: the store's (shared/clock.ts), pinned in tests and by --today.
  const today = () => session.clock.today();
  const requireReady = () => {
    const status = session.store.status();
    if (status.state === 'recovery-needed')
      throw new QuorumFailure('store-unavailable', 'The store needs recovery first: restore a backup or start again.');
    return session.store;
  };
  const partnership = () => listRecords(session.store.data, 'partnership')[0] ?? null;
  /** Only files Quorum itself saved can be opened from the app, and only while they exist. */
  const builtFile = (id: string): string => {
    const build = findRecord(requireReady().data, 'packBuild', id);
    if (!build) throw new QuorumFailure('not-found', 'That pack is not in the history');
    if (!existsSync(build.filePath)) throw new QuorumFailure('not-found', `The file ${build.fileName} is no longer where it was saved (${build.filePath})`);
    return build.filePath;
  };

  /** A channel that runs one store command and answers with the journal's summary of it. */
  const run =
    (command: string) =>
    async (input: unknown): Promise<Done> => ({ summary: (await requireReady().run(command, input)).summary });

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
      const day = today();
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
    'meetings:list': () => {
      const data = requireReady().data;
      const day = today();
      const items = listRecords(data, 'agendaItem');
      return listRecords(data, 'board').flatMap((board) => {
        const next = nextMeeting(data, board.id, day);
        return boardMeetings(data, board.id).map((m) => ({
          id: m.id,
          boardId: board.id,
          boardName: board.name,
          date: m.date,
          startTime: m.startTime,
          venue: m.venue,
          status: m.status,
          agendaItems: items.filter((i) => i.meetingId === m.id).length,
          isNext: next?.id === m.id,
        }));
      }).sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
    },
    'pack:preflight': ({ meetingId, variant }) => runPreflight(requireReady(), meetingId, variant, today()),
    'pack:build': async ({ meetingId, variant, overrideReason, taskId }) => {
      const store = requireReady();
      if (!findRecord(store.data, 'meeting', meetingId)) throw new QuorumFailure('not-found', `There is no meeting with id ${meetingId}`);
      const report = runPreflight(store, meetingId, variant, today());
      if (report.errors > 0 && !overrideReason)
        throw new QuorumFailure('preflight-failed', `Pre-flight found ${report.errors} error(s). Fix them, or give a reason to build anyway.`);
      const file = await platform.chooseSaveFile({ title: 'Save the board pack', defaultName: suggestedPackName(store.data, meetingId, variant), filterName: 'Word document', extension: 'docx' });
      if (!file) return { saved: false as const, reason: 'The save was cancelled; no pack was built.' };
      const outcome = await buildPackFile(store, {
        meetingId,
        variant,
        out: file.toLowerCase().endsWith('.docx') ? file : `${file}.docx`,
        clock: session.clock,
        overrideReason,
        onProgress: (done, total, label) => session.progress(taskId, label, done, total),
      });
      return { saved: true as const, file: outcome.file, bytes: outcome.bytes, sha256: outcome.sha256, overridden: outcome.overridden, errors: report.errors, warnings: report.warnings };
    },
    'pack:history': ({ meetingId }) => packHistory(requireReady().data, meetingId),
    'pack:open': async ({ packBuildId }) => {
      const file = builtFile(packBuildId);
      await platform.openPath(file);
      return { opened: true };
    },
    'pack:showInFolder': ({ packBuildId }) => {
      platform.showInFolder(builtFile(packBuildId));
      return { shown: true };
    },
    'paper:import': async ({ agendaItemId, replace }) => {
      const store = requireReady();
      const item = findRecord(store.data, 'agendaItem', agendaItemId);
      if (!item) throw new QuorumFailure('not-found', 'That agenda item no longer exists');
      // Importing over a received paper needs the officer's say-so; the old text is then only in the backups.
      if (item.paper?.body.trim() && !replace)
        throw new QuorumFailure('conflict', `“${item.title}” already has a paper. Confirm that the imported file should replace it.`);
      const file = await platform.chooseOpenFile({ title: `Import the paper for “${item.title}”`, filterName: 'Word or Markdown paper', extensions: PAPER_EXTENSIONS });
      if (!file) return { imported: false as const, reason: 'No file was chosen; nothing was imported.' };
      const paper = await readPaperFile(file, store.dataDir);
      await store.run('paper.import', { agendaItemId, body: paper.body, sourceFile: paper.sourceFile, receivedOn: today(), expectedRev: item.rev });
      return { imported: true as const, sourceFile: paper.sourceFile, characters: paper.body.length, images: paper.images.length, notes: paper.notes };
    },
    'paper:updateCoverSheet': async (input) => {
      const store = requireReady();
      await store.run('paper.updateCoverSheet', input);
      return agendaLine(store.data, input.agendaItemId);
    },
    'agenda:list': ({ meetingId }) => agendaLines(requireReady().data, meetingId),
    'agenda:setPartTwo': async (input) => {
      const store = requireReady();
      await store.run('agendaItem.setPart2', input);
      return agendaLine(store.data, input.agendaItemId);
    },
    'agenda:draft': run('agenda.draft'),
    'agenda:add': run('agendaItem.add'),
    'agenda:update': run('agendaItem.update'),
    'agenda:move': run('agendaItem.move'),
    'agenda:remove': run('agendaItem.remove'),
    'meetings:get': ({ meetingId }) => {
      const store = requireReady();
      if (!findRecord(store.data, 'meeting', meetingId)) throw new QuorumFailure('not-found', 'That meeting no longer exists');
      return meetingView(store.data, meetingId, today(), bankHolidaysAround(today()));
    },
    'meetings:create': async (input) => {
      const outcome = await requireReady().run('meeting.create', input);
      return { summary: outcome.summary, meetingId: outcome.changes[0].id };
    },
    'meetings:update': run('meeting.update'),
    'attendance:set': run('attendance.set'),
    'attendance:remove': run('attendance.remove'),
    'declarations:add': run('declaration.add'),
    'declarations:remove': run('declaration.remove'),
    'minutes:update': run('minutes.update'),
    'minutes:approve': run('minutes.approve'),
    'resolutions:add': run('resolution.add'),
    'resolutions:update': run('resolution.update'),
    'resolutions:remove': run('resolution.remove'),
    'actions:list': (filter) => actionLogView(requireReady().data, today(), filter),
    'actions:raise': run('action.raise'),
    'actions:update': run('action.update'),
    'actions:addUpdate': run('action.addUpdate'),
    'papers:outstanding': ({ boardId }) => outstandingPapers(requireReady().data, today(), bankHolidaysAround(today()), boardId),
    'boards:list': () => listRecords(requireReady().data, 'board').map((b) => ({ id: b.id, rev: b.rev, name: b.name, shortName: b.shortName, standingItems: b.standingItems })),
    'boards:setStandingItems': run('board.setStandingItems'),
    'paper:updateBody': run('paper.updateBody'),
    'paper:get': ({ agendaItemId }) => {
      const item = findRecord(requireReady().data, 'agendaItem', agendaItemId);
      if (!item) throw new QuorumFailure('not-found', 'That agenda item no longer exists');
      return { rev: item.rev, body: item.paper?.body ?? '' };
    },
    'exports:word': async ({ kind, meetingId, variant }) => {
      const store = requireReady();
      if (!findRecord(store.data, 'meeting', meetingId)) throw new QuorumFailure('not-found', 'That meeting no longer exists');
      const file = await platform.chooseSaveFile({ title: `Save the ${EXPORT_LABEL[kind].toLowerCase()}`, defaultName: suggestedExportName(store.data, kind, meetingId, variant), filterName: 'Word document', extension: 'docx' });
      if (!file) return { saved: false as const, reason: 'The save was cancelled; nothing was exported.' };
      const written = await writeWordExport(store.data, { kind, meetingId, variant, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:governance': async (input) => {
      const store = requireReady();
      const tracked = input.what === 'protocol' && Boolean(input.trackedChanges);
      const file = await platform.chooseSaveFile({ title: input.what === 'tor' ? 'Save the terms of reference' : 'Save the protocol', defaultName: suggestedGovernanceName(store.data, input.what, input.id, tracked), filterName: 'Word document', extension: 'docx' });
      if (!file) return { saved: false as const, reason: 'The save was cancelled; nothing was exported.' };
      const written = await writeGovernanceExport(store.data, { what: input.what, id: input.id, trackedChanges: tracked, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:plan': async ({ what, boardId }) => {
      const store = requireReady();
      const board = boardId ? findRecord(store.data, 'board', boardId) : undefined;
      const name = `${board ? `${board.shortName} ` : ''}${what === 'deep-dives' ? 'deep-dive schedule' : 'forward plan'}.docx`;
      const file = await platform.chooseSaveFile({ title: what === 'deep-dives' ? 'Save the deep-dive schedule' : 'Save the forward plan', defaultName: name, filterName: 'Word document', extension: 'docx' });
      if (!file) return { saved: false as const, reason: 'The save was cancelled; nothing was exported.' };
      const written = await writePlanExport(store.data, { what, boardId, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:calendar': async ({ boardId }) => {
      const store = requireReady();
      const file = await platform.chooseSaveFile({ title: 'Save the meetings calendar', defaultName: suggestedExportName(store.data, 'calendar', undefined, undefined, boardId), filterName: 'Calendar', extension: 'ics' });
      if (!file) return { saved: false as const, reason: 'The save was cancelled; nothing was exported.' };
      const written = writeCalendar(store.data, { boardId, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'tor:get': ({ boardId }) => {
      const data = requireReady().data;
      const board = findRecord(data, 'board', boardId);
      if (!board) throw new QuorumFailure('not-found', 'That board no longer exists');
      return {
        today: today(),
        board: { id: board.id, name: board.name, shortName: board.shortName },
        versions: listRecords(data, 'tor').filter((t) => t.boardId === board.id).sort((a, b) => b.version - a.version),
        people: listRecords(data, 'person').map((p) => ({ id: p.id, name: p.name, organisationId: p.organisationId })).sort((a, b) => a.name.localeCompare(b.name)),
        organisations: listRecords(data, 'organisation').map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)),
        boards: listRecords(data, 'board').filter((b) => b.id !== board.id).map((b) => ({ id: b.id, name: b.name })),
        meetings: listRecords(data, 'meeting').filter((m) => m.boardId === board.id).sort((a, b) => a.date.localeCompare(b.date)).map((m) => ({ id: m.id, date: m.date })),
      };
    },
    'tor:saveDraft': run('tor.saveDraft'),
    'tor:approve': run('tor.approve'),
    'tor:discardDraft': run('tor.discardDraft'),
    'protocols:list': () => protocolList(requireReady().data),
    'protocols:get': ({ protocolId }) => {
      const data = requireReady().data;
      if (!findRecord(data, 'protocol', protocolId)) throw new QuorumFailure('not-found', 'That protocol no longer exists');
      return protocolView(data, protocolId);
    },
    'protocols:create': async (input) => {
      const outcome = await requireReady().run('protocol.create', input);
      return { summary: outcome.summary, protocolId: outcome.changes[0].id };
    },
    'protocols:update': run('protocol.update'),
    'protocols:saveDraft': run('protocol.saveDraft'),
    'protocols:startConsultation': run('protocol.startConsultation'),
    'protocols:comment': run('protocolComment.add'),
    'protocols:respond': run('protocolComment.respond'),
    'protocols:signOff': run('protocol.signOff'),
    'protocols:recordCirculation': run('protocol.recordCirculation'),
    'protocols:importReturned': async ({ protocolVersionId, organisationId }) => {
      const store = requireReady();
      if (!findRecord(store.data, 'protocolVersion', protocolVersionId)) throw new QuorumFailure('not-found', 'That version of the protocol no longer exists');
      if (!findRecord(store.data, 'organisation', organisationId)) throw new QuorumFailure('not-found', 'That organisation no longer exists');
      const file = await platform.chooseOpenFile({ title: 'Import a partner’s returned Word copy', filterName: 'Word document', extensions: ['docx'] });
      if (!file) return { imported: false as const, reason: 'No file was chosen; nothing was imported.' };
      const read = readReturnedFile(file, store.data, protocolVersionId, organisationId, session.clock.now());
      if (read.plan.comments.length === 0) return { imported: false as const, reason: `${read.sourceFile} has no comments or tracked changes from partners.` };
      await store.run('protocolComment.importReturned', { protocolVersionId, sourceFile: read.sourceFile, comments: read.plan.comments });
      return { imported: true as const, sourceFile: read.sourceFile, comments: read.plan.comments.length, reports: read.plan.reports, authors: read.plan.authors };
    },
    'dives:planner': ({ boardId }) => {
      const data = requireReady().data;
      if (!findRecord(data, 'board', boardId)) throw new QuorumFailure('not-found', 'That board no longer exists');
      return plannerView(data, boardId, today(), bankHolidaysAround(today()));
    },
    'dives:save': run('deepDive.save'),
    'dives:schedule': run('deepDive.schedule'),
    'dives:setStatus': run('deepDive.setStatus'),
    'dives:raiseAction': run('deepDive.raiseAction'),
    'plan:list': (filter) => forwardPlanView(requireReady().data, bankHolidaysAround(today()), filter),
    'plan:save': run('forwardPlan.save'),
    'plan:setStatus': run('forwardPlan.setStatus'),
    'people:list': () => {
      const data = requireReady().data;
      return listRecords(data, 'person')
        .map((p) => ({ id: p.id, name: p.name, organisation: findRecord(data, 'organisation', p.organisationId)?.name ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    'protocols:compare': ({ fromVersionId, toVersionId }) => {
      const data = requireReady().data;
      const from = findRecord(data, 'protocolVersion', fromVersionId);
      const to = findRecord(data, 'protocolVersion', toVersionId);
      if (!from || !to) throw new QuorumFailure('not-found', 'One of those versions no longer exists');
      if (from.protocolId !== to.protocolId) throw new QuorumFailure('invalid-input', 'Those versions belong to different protocols');
      return diffVersions(from, to);
    },
    'shell:openExternal': async ({ url }) => {
      const verdict = checkExternalLink(url);
      if (!verdict.allowed) throw new QuorumFailure('not-allowed', verdict.reason);
      await platform.openExternal(verdict.url);
      return { opened: true };
    },
  };
};
