import { existsSync, readFileSync } from 'node:fs';
import { findRecord, listRecords } from '../../shared/data';
import { checkExternalLink } from '../../shared/rules/links';
import { QuorumFailure } from '../../shared/result';
import type { EffectHandlers } from '../../shared/operations';
import { EXPORT_LABEL, suggestedExportName, suggestedGovernanceName, writeCalendar, writeGovernanceExport, writePlanExport, writeDecisionsCsv, writeWordExport, writeAttendanceExport, suggestedAttendanceName, writeRegisterExport, writeYearlyReport, suggestedYearlyReportName } from './exports';
import { PAPER_EXTENSIONS, paperReviewMarks } from './papers';
import { basename } from 'node:path';
import { importPaperFile } from './papers/importPaper';
import { buildPackFile, checkPack, laidOutPages, packKey, readImages, refuseBuild, startingPrinter, startPdfLayout, suggestedPackName } from './packs';
import type { PackProgress } from '../../shared/pack/build';
import { tokensKept } from '../../shared/pack/markdown/lex';
import { itemsLabel } from '../../shared/pack/parts/plan';
import { readReturnedFile } from './returnedCopies';
import { currentUser, type Session } from './session';
import type { Platform } from './platform';
import { loadExample } from './example';
import { publishSite } from './publish';
import { bankHolidaysAround } from './holidays';
import { outboxDue } from '../../shared/features/outbox';
import { saveAsEml, sendThroughServer } from './mail';
import { SHEET_EXTENSIONS, readSheetFile } from './imports/sheet';
import { readChosenFile } from './imports/chosenFile';
import { saveImage } from './papers/imageFiles';
import { createTeamEffects } from './teamEffects';
import { keptPackBuilder, type KeptPackBuilder } from './packThread';
import { markdownTextsIn, referencedImages } from '../../shared/pack/preflight';
import { assemblePack, type PackVariant } from '../../shared/pack/model';

/** One hand-written handler per effect: what needs the machine. Typed by the effect's declaration. */

const cancelled = { saved: false as const, reason: 'The save was cancelled; nothing was exported.' };

/** Progress held while a dialog is open (the last step kept), then passed on as it comes. */
const heldProgress = (report: PackProgress) => {
  let held: Parameters<PackProgress> | undefined;
  let open = true;
  return {
    report: ((...step) => (open ? (held = step) : report(...step))) as PackProgress,
    release: () => {
      open = false;
      if (held) report(...held);
    },
  };
};

/**
 * What an effect does to get ready while the officer reads the view before it (a query's
 * `prepares`): the pack builder reads the pack's papers while the pre-flight is on the screen.
 */
export const createPreparations = (session: Session, packs: KeptPackBuilder): Record<string, (input: unknown) => void> => ({
  'pack:build': (input) => {
    const { meetingId, variant } = input as { meetingId: string; variant: PackVariant };
    const store = session.ready();
    const data = store.data;
    if (!findRecord(data, 'meeting', meetingId)) return;
    // Laid out now from the records as they are; Build then only stamps and zips it (packThread.ts).
    const today = session.clock.today();
    const model = assemblePack(data, meetingId, variant, today);
    const contentsPages = laidOutPages(data, meetingId, variant, model);
    packs.prepare(packKey(data, meetingId, variant, today), {
      model,
      input: { images: readImages(store.dataDir, referencedImages(model)), ...(contentsPages ? { contentsPages } : {}) },
      tokens: tokensKept(markdownTextsIn(model)),
    });
  },
});

export const createEffects = (session: Session, platform: Platform, packs: KeptPackBuilder = keptPackBuilder()): EffectHandlers => {
  /** Only files Quorum itself saved can be opened from the app, and only while they exist. */
  const builtFile = (id: string): string => {
    const build = findRecord(session.ready().data, 'packBuild', id);
    if (!build) throw new QuorumFailure('not-found', 'That pack is not in the history');
    if (!existsSync(build.filePath)) throw new QuorumFailure('not-found', `The file ${build.fileName} is no longer where it was saved (${build.filePath})`);
    return build.filePath;
  };
  const today = () => session.clock.today();
  /** A Word paper chosen but not yet imported, waiting for the officer's answer about its review marks. */
  let pendingPaper: { agendaItemId: string; file: string } | undefined;

  return {
    ...createTeamEffects(session),
    'app:info': () => ({ version: platform.appVersion, dataDir: session.dataDir, user: currentUser(), platform: process.platform }),
    'store:status': () => session.status(),
    'store:start': async (input) => {
      if (session.status().team) throw new QuorumFailure('conflict', 'This data folder is a team’s copy: its records come from the team’s server.');
      if (session.store.status().state === 'ready') throw new QuorumFailure('conflict', 'This data folder already holds a partnership.');
      if (input.mode === 'example') await loadExample(session.store);
      else await session.store.run('partnership:setUp', { name: input.name });
      return session.store.status();
    },
    'store:recover': async ({ backupId }) => {
      await session.store.restore(backupId);
      return session.store.status();
    },
    'backups:list': () => session.store.backups(),
    'backups:restore': async ({ backupId }) => {
      await session.store.restore(backupId);
      return session.store.status();
    },
    'app:undo': async ({ seq }) => {
      await session.ready().undo(seq);
      return session.store.status();
    },
    'journal:list': ({ limit }) => ({
      check: session.store.status().journal,
      entries: session.store.journalEntries(limit).map((e) => ({ seq: e.seq, at: e.at, user: e.user, command: e.command, summary: e.summary, ids: e.changes.map((c) => c.id) })),
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
    'pack:build': async ({ meetingId, variant, overrideReason, taskId, format = 'docx', items, supplement, forPersonId }) => {
      const store = session.ready();
      // Checked before the officer is asked where to save: a pack that cannot be built asks nothing.
      const checked = checkPack(store, meetingId, variant, today(), { items, supplement, format, ...(forPersonId ? { forPersonId } : {}) });
      refuseBuild(checked, overrideReason);
      // A PDF is laid out while the officer chooses where to save it (a Word pack was laid out while
      // the pre-flight was read): the wait after the dialog is the saving. Its progress shows once
      // the dialog is answered; until then the window says it waits for the officer.
      const progress = heldProgress((done, total, label) => session.progress(taskId, label, done, total));
      const laidOut = format === 'pdf' ? startPdfLayout(checked.model, readImages(store.dataDir, referencedImages(checked.model)), startingPrinter(platform.startPdfPrinter()), progress.report, checked.items) : undefined;
      let file: string | null;
      try {
        file = await platform.chooseSaveFile({
          title: items ? `Save ${itemsLabel(items).toLowerCase()} as PDF` : supplement ? 'Save the supplement to the board pack' : format === 'pdf' ? 'Save the board pack as PDF' : 'Save the board pack',
          defaultName: suggestedPackName(store.data, meetingId, variant, format, items, Boolean(supplement), forPersonId),
          filterName: format === 'pdf' ? 'PDF document' : 'Word document',
          extension: format,
        });
      } catch (err) {
        await laidOut?.discard();
        throw err;
      }
      if (!file) {
        await laidOut?.discard();
        return { saved: false as const, reason: 'The save was cancelled; no pack was built.' };
      }
      progress.release();
      const outcome = await buildPackFile(store, {
        meetingId,
        variant,
        format,
        out: file.toLowerCase().endsWith(`.${format}`) ? file : `${file}.${format}`,
        clock: session.clock,
        overrideReason,
        onProgress: progress.report,
        printer: () => platform.startPdfPrinter(),
        // The kept builder: its thread has the Word writer loaded and the papers read (createPreparations).
        ...(format === 'docx' ? { builder: packs.builder() } : {}),
        ...(laidOut ? { laidOut } : {}),
        checked,
      });
      return { saved: true as const, file: outcome.file, bytes: outcome.bytes, sha256: outcome.sha256, overridden: outcome.overridden, errors: checked.report.errors, warnings: checked.report.warnings };
    },
    'pack:publish': async ({ taskId, since, boardId }) => {
      const store = session.ready();
      // The printer starts while the officer chooses the folder, as a PDF pack's does (pack:build);
      // it is closed unused when the folder already holds every PDF, or nothing is published.
      const printing = startingPrinter(platform.startPdfPrinter());
      try {
        const folder = await platform.chooseFolder('Choose the folder to publish the website into');
        if (!folder) return { published: false as const, reason: 'No folder was chosen; nothing was published.' };
        const outcome = await publishSite(store.data, store.dataDir, folder, {
          today: today(),
          holidays: bankHolidaysAround(today()),
          ...(since ? { since } : {}),
          ...(boardId ? { boardId } : {}),
          printer: () => printing.take(),
          onProgress: (done, total, label) => session.progress(taskId, label, done, total),
        });
        return { published: true as const, ...outcome };
      } finally {
        await printing.discard();
      }
    },
    'pack:open': async ({ packBuildId }) => {
      await platform.openPath(builtFile(packBuildId));
      return { opened: true };
    },
    'pack:showInFolder': ({ packBuildId }) => {
      platform.showInFolder(builtFile(packBuildId));
      return { shown: true };
    },
    'paper:import': async ({ agendaItemId, replace, reviewMarks }) => {
      const store = session.ready();
      const item = findRecord(store.data, 'agendaItem', agendaItemId);
      if (!item) throw new QuorumFailure('not-found', 'That agenda item no longer exists');
      // Asked before the dialog opens, so the officer is not sent to find a file for nothing.
      if (item.paper?.body.trim() && !replace) throw new QuorumFailure('conflict', `“${item.title}” already has a paper. Confirm that the imported file should replace it.`);
      // An answer about review marks is for the file chosen a moment ago, which is not asked for again.
      const pending = reviewMarks && pendingPaper?.agendaItemId === agendaItemId ? pendingPaper.file : undefined;
      pendingPaper = undefined;
      const file = pending ?? (await platform.chooseOpenFile({ title: `Import the paper for “${item.title}”`, filterName: 'Word or Markdown paper', extensions: PAPER_EXTENSIONS }));
      if (!file) return { imported: false as const, reason: 'No file was chosen; nothing was imported.' };
      const marks = reviewMarks ? null : paperReviewMarks(file);
      if (marks) {
        pendingPaper = { agendaItemId, file };
        return { imported: false as const, reviewMarks: marks, sourceFile: basename(file), reason: `${basename(file)} still has ${marks}. Choose whether to accept all the changes (as Word’s Accept All) and leave the comments out, or keep them showing in the paper.` };
      }
      const paper = await importPaperFile(session.ready(), today(), { agendaItemId, file, replace, reviewMarks });
      return { imported: true as const, sourceFile: paper.sourceFile, characters: paper.characters, images: paper.images, notes: paper.notes, coverFilled: paper.coverFilled };
    },
    'partnership:chooseLogo': async ({ altText }) => {
      const store = session.ready();
      const file = await platform.chooseOpenFile({ title: 'Choose the partnership logo', filterName: 'Picture (PNG or JPEG)', extensions: ['png', 'jpg', 'jpeg'] });
      if (!file) return { chosen: false as const, reason: 'No picture was chosen; the logo is unchanged.' };
      const { fileName, bytes } = readChosenFile(file, 20 * 1024 * 1024, 'a logo');
      const saved = saveImage(store.dataDir, bytes, 'logo');
      if ('unsupported' in saved) throw new QuorumFailure('invalid-input', `${fileName} is not a picture Quorum can put on a cover (${saved.unsupported}); choose a PNG or JPEG.`);
      const outcome = await store.run('partnership:setLogo', { file: saved.path.replace(/^images\//, ''), altText });
      return { chosen: true as const, summary: outcome.summary };
    },
    'imports:chooseSheet': async ({ purpose }) => {
      session.ready();
      const file = await platform.chooseOpenFile({ title: purpose === 'people' ? 'Import people from a spreadsheet' : 'Import an action log', filterName: 'Excel workbook or CSV', extensions: SHEET_EXTENSIONS });
      if (!file) return { chosen: false as const, reason: 'No file was chosen; nothing was imported.' };
      return { chosen: true as const, table: await readSheetFile(file) };
    },
    'imports:chooseTor': async () => {
      session.ready();
      const file = await platform.chooseOpenFile({ title: 'Import terms of reference from Word', filterName: 'Word document', extensions: ['docx'] });
      if (!file) return { chosen: false as const, reason: 'No file was chosen; nothing was imported.' };
      // Loaded when first used, with the Word reader (papers/index.ts).
      const { readTorDocument } = await import('./imports/torDocument');
      return { chosen: true as const, ...(await readTorDocument(file)) };
    },
    'exports:word': async ({ kind, meetingId, variant }) => {
      const store = session.ready();
      if (!findRecord(store.data, 'meeting', meetingId)) throw new QuorumFailure('not-found', 'That meeting no longer exists');
      const file = await platform.chooseSaveFile({ title: `Save the ${EXPORT_LABEL[kind].toLowerCase()}`, defaultName: suggestedExportName(store.data, kind, meetingId, variant), filterName: 'Word document', extension: 'docx' });
      if (!file) return cancelled;
      const written = await writeWordExport(store.data, { kind, meetingId, variant, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:governance': async (input) => {
      const store = session.ready();
      const tracked = input.what === 'protocol' && Boolean(input.trackedChanges);
      const file = await platform.chooseSaveFile({ title: input.what === 'tor' ? 'Save the terms of reference' : 'Save the protocol', defaultName: suggestedGovernanceName(store.data, input.what, input.id, tracked), filterName: 'Word document', extension: 'docx' });
      if (!file) return cancelled;
      const written = await writeGovernanceExport(store.data, { what: input.what, id: input.id, trackedChanges: tracked, out: file, clock: session.clock, signedIn: session.signedInAs() });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'outbox:setPassword': async ({ password }) => {
      if (!platform.saveMailPassword) throw new QuorumFailure('not-allowed', 'Only the app keeps a mail password (in the operating system’s credential store); quorum outbox reads QUORUM_SMTP_PASSWORD.');
      await platform.saveMailPassword(password);
      return { saved: Boolean(password) };
    },
    'search:query': (request) => session.search.query(request),
    'outbox:send': async ({ keys }) => {
      const store = session.ready();
      const chosen = outboxDue(store.data, { today: today(), holidays: bankHolidaysAround(today()) }).filter((m) => keys.includes(m.key));
      if (!chosen.length) throw new QuorumFailure('not-found', 'Nothing chosen is still due: it was sent already, or what it was about has changed.');
      const mail = listRecords(store.data, 'partnership')[0]?.mail;
      const taskId = `outbox-${session.clock.now()}`;
      if (!mail) {
        // No server set: .eml files beside the data folder's exports, to send from Outlook.
        const folder = await platform.chooseFolder('Choose where to save the messages (.eml) to send from Outlook');
        if (!folder) return { sent: 0, failed: [], files: [] };
        const from = listRecords(store.data, 'partnership')[0]?.contact.email || 'secretariat@example.invalid';
        return saveAsEml(store, chosen, folder, { from, fromName: '' }, session.clock);
      }
      const ca = mail.caFile ? readFileSync(mail.caFile, 'utf8') : undefined;
      return sendThroughServer(store, chosen, { ...mail, password: await platform.mailPassword?.(), ...(ca ? { ca } : {}) }, session.clock, (done, total, label) => session.progress(taskId, label, done, total));
    },
    'exports:plan': async ({ what, boardId, variant }) => {
      const store = session.ready();
      const board = boardId ? findRecord(store.data, 'board', boardId) : undefined;
      const name = `${board ? `${board.shortName} ` : ''}${what === 'deep-dives' ? 'deep-dive schedule' : 'forward plan'} (${variant}).docx`;
      const file = await platform.chooseSaveFile({ title: what === 'deep-dives' ? 'Save the deep-dive schedule' : 'Save the forward plan', defaultName: name, filterName: 'Word document', extension: 'docx' });
      if (!file) return cancelled;
      const written = await writePlanExport(store.data, { what, boardId, out: file, clock: session.clock, variant });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:decisions': async ({ boardId, variant }) => {
      const store = session.ready();
      const board = boardId ? findRecord(store.data, 'board', boardId) : undefined;
      const file = await platform.chooseSaveFile({ title: 'Save the decisions taken between meetings', defaultName: `${board ? `${board.shortName} ` : ''}decisions between meetings (${variant}).csv`, filterName: 'CSV (spreadsheet)', extension: 'csv' });
      if (!file) return cancelled;
      const written = writeDecisionsCsv(store.data, { boardId, variant, out: file });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:attendance': async ({ from, to, boardId, format, variant }) => {
      const store = session.ready();
      const period = { from, to, ...(boardId ? { boardId } : {}) };
      const file = await platform.chooseSaveFile({ title: 'Save the attendance record', defaultName: suggestedAttendanceName(store.data, period, format, variant), filterName: format === 'csv' ? 'CSV (spreadsheet)' : 'Word document', extension: format });
      if (!file) return cancelled;
      const written = await writeAttendanceExport(store.data, { period, variant, format, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:register': async ({ on, variant }) => {
      const store = session.ready();
      const day = on ?? today();
      const file = await platform.chooseSaveFile({ title: 'Save the register of interests', defaultName: `Register of interests ${day} (${variant}).docx`, filterName: 'Word document', extension: 'docx' });
      if (!file) return cancelled;
      const written = await writeRegisterExport(store.data, { on: day, variant, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:yearlyReport': async ({ boardId, from, to, format, variant, taskId }) => {
      const store = session.ready();
      if (!findRecord(store.data, 'board', boardId)) throw new QuorumFailure('not-found', 'That board no longer exists');
      const file = await platform.chooseSaveFile({ title: 'Save the draft report', defaultName: suggestedYearlyReportName(store.data, boardId, from, to, format, variant), filterName: format === 'pdf' ? 'PDF document' : 'Word document', extension: format });
      if (!file) return cancelled;
      const written = await writeYearlyReport(store.data, {
        boardId,
        from,
        to,
        variant,
        format,
        out: file,
        clock: session.clock,
        printer: () => platform.startPdfPrinter(),
        ...(taskId ? { onProgress: (done: number, total: number, label: string) => session.progress(taskId, label, done, total) } : {}),
      });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'exports:calendar': async ({ boardId }) => {
      const store = session.ready();
      const file = await platform.chooseSaveFile({ title: 'Save the meetings calendar', defaultName: suggestedExportName(store.data, 'calendar', undefined, undefined, boardId), filterName: 'Calendar', extension: 'ics' });
      if (!file) return cancelled;
      const written = writeCalendar(store.data, { boardId, out: file, clock: session.clock });
      return { saved: true as const, file: written.file, bytes: written.bytes };
    },
    'protocols:importReturned': async ({ protocolVersionId, organisationId }) => {
      const store = session.ready();
      if (!findRecord(store.data, 'protocolVersion', protocolVersionId)) throw new QuorumFailure('not-found', 'That version of the protocol no longer exists');
      if (!findRecord(store.data, 'organisation', organisationId)) throw new QuorumFailure('not-found', 'That organisation no longer exists');
      const file = await platform.chooseOpenFile({ title: 'Import a partner’s returned Word copy', filterName: 'Word document', extensions: ['docx'] });
      if (!file) return { imported: false as const, reason: 'No file was chosen; nothing was imported.' };
      const read = readReturnedFile(file, store.data, protocolVersionId, organisationId, session.clock.now());
      if (read.plan.comments.length === 0) return { imported: false as const, reason: `${read.sourceFile} has no comments or tracked changes from partners.` };
      await store.run('protocols:importComments', { protocolVersionId, sourceFile: read.sourceFile, comments: read.plan.comments });
      return { imported: true as const, sourceFile: read.sourceFile, comments: read.plan.comments.length, reports: read.plan.reports, authors: read.plan.authors };
    },
  };
};
