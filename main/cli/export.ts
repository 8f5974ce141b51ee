import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { PACK_VARIANTS, type PackVariant } from '../../shared/pack/model';
import { WORD_EXPORTS, type WordExport } from '../../shared/exports/meetingExports';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import { listRecords, type StoreData } from '../../shared/data';
import { currentTor } from '../../shared/rules/boards';
import { versionsOfProtocol } from '../../shared/rules/protocolView';
import { EXIT, UsageError, type Subcommand, requireData } from './command';
import { EXPORT_KINDS, VERBS } from './verbs';
import { boardOption } from './boardOption';
import { lastReportYear } from '../../shared/rules/dates';

// Every meeting document the exporters write is a kind the CLI declares (verbs.ts), checked by the compiler.
const KINDS: readonly string[] = EXPORT_KINDS;
const _wordExportsDeclared: readonly (typeof EXPORT_KINDS)[number][] = WORD_EXPORTS;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `quorum export agenda|minutes|actions|calendar`: a meeting's agenda, minutes or action log as
 * Word, or the meetings and paper deadlines as an .ics calendar. Read-only on the store.
 */
export const exportCommand = (): Subcommand => ({
  ...VERBS.export,
  async run(values, out, { positionals, clock }) {
    // Loaded when the verb runs (the Word, calendar and spreadsheet writers), not at every start.
    const [{ resolveMeeting }, { writeAttendanceExport, writeRegisterExport, writeYearlyReport, writeCalendar, writeDecisionsCsv, writeGovernanceExport, writePlanExport, writeWordExport }] = await Promise.all([import('../services/packs'), import('../services/exports')]);
    const dir = requireData(values);
    const [what, ...extra] = positionals;
    if (!what || !(KINDS as readonly string[]).includes(what) || extra.length) throw new UsageError(`say what to export: ${KINDS.join(', ')}`);
    const file = values.out;
    const variant = (values.variant ?? 'public') as string;
    if (!(PACK_VARIANTS as readonly string[]).includes(variant)) throw new UsageError('--variant must be public or full');
    const alternative = what === 'attendance' ? '.csv' : what === 'yearly-report' ? '.pdf' : undefined;
    const ext = what === 'calendar' ? '.ics' : what === 'decisions' ? '.csv' : alternative && typeof file === 'string' && file.toLowerCase().endsWith(alternative) ? alternative : '.docx';
    if (typeof file !== 'string' || !file.toLowerCase().endsWith(ext)) throw new UsageError(alternative ? `--out FILE.docx or FILE${alternative} is required` : `--out FILE${ext} is required`);
    for (const flag of ['from', 'to', 'on'] as const) if (values[flag] !== undefined && (typeof values[flag] !== 'string' || !ISO_DATE.test(values[flag]))) throw new UsageError(`--${flag} must be a date written YYYY-MM-DD`);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), mode: 'read', clock });
    try {
      const today = clock.today();
      const board = typeof values.board === 'string' ? boardOption(store.data, values.board).id : undefined;
      let result: { file: string; bytes: number; title?: string; meetingId?: string; note?: string };
      const version = typeof values.version === 'string' ? Number(values.version) : undefined;
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new UsageError('--version must be a whole number, 1 or more');
      if (what === 'yearly-report') {
        if (!board) throw new UsageError('--board ID is required for the yearly report');
        // The last whole year from April to March unless a period is given (the year most partnerships report on).
        const year = lastReportYear(today);
        const from = typeof values.from === 'string' ? values.from : year.from;
        const to = typeof values.to === 'string' ? values.to : year.to;
        if (from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);
        const progress = values.json ? undefined : (done: number, total: number, label: string) => out.error(`  [${done}/${total}] ${label}`);
        result = await writeYearlyReport(store.data, { boardId: board, from, to, variant: variant as PackVariant, format: ext === '.pdf' ? 'pdf' : 'docx', out: file, clock, ...(progress ? { onProgress: progress } : {}) });
      } else if (what === 'register') result = await writeRegisterExport(store.data, { on: typeof values.on === 'string' ? values.on : today, variant: variant as PackVariant, out: file, clock });
      else if (what === 'attendance') {
        const to = typeof values.to === 'string' ? values.to : today;
        const from = typeof values.from === 'string' ? values.from : `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
        if (from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);
        result = await writeAttendanceExport(store.data, { period: { from, to, ...(board ? { boardId: board } : {}) }, variant: variant as PackVariant, format: ext === '.csv' ? 'csv' : 'docx', out: file, clock });
      } else if (what === 'decisions') result = writeDecisionsCsv(store.data, { boardId: board, variant: variant as PackVariant, out: file });
      else if (what === 'calendar') result = writeCalendar(store.data, { boardId: board, out: file, clock });
      else if (what === 'deep-dives' || what === 'forward-plan') result = await writePlanExport(store.data, { what, boardId: board, out: file, clock, variant: variant as PackVariant });
      else if (what === 'tor' || what === 'protocol') {
        const tor = what === 'tor' ? torVersion(store.data, board, version) : undefined;
        const id = tor ? tor.id : protocolVersionId(store.data, values.protocol, version);
        result = await writeGovernanceExport(store.data, { what, id, trackedChanges: Boolean(values['tracked-changes']), out: file, clock });
        if (tor?.draftOnly) result = { ...result, note: 'No version is approved yet: this is the draft, marked as such, for the board to approve' };
      } else {
        if (typeof values.meeting !== 'string' || !values.meeting) throw new UsageError('--meeting ID|next is required');
        const meeting = resolveMeeting(store.data, values.meeting, today, board);
        result = { meetingId: meeting.id, ...(await writeWordExport(store.data, { kind: what as WordExport, meetingId: meeting.id, variant: variant as PackVariant, out: file, clock })) };
      }
      if (values.json) out.log(JSON.stringify({ ok: true, what, ...result }, null, 2));
      else out.log(`Exported ${result.title ?? 'the calendar'}\n  ${result.file} (${result.bytes} bytes)${result.note ? `\n  ${result.note}` : ''}`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
});

/**
 * The board's ToR in force, or the version asked for. A board whose terms of reference are not yet
 * approved has its newest draft exported, marked as such in the document's footer: circulating the
 * draft for the board to approve is what a new office does next.
 */
const torVersion = (data: StoreData, boardId: string | undefined, version?: number): { id: string; draftOnly: boolean } => {
  if (!boardId) throw new UsageError('--board ID is required for the terms of reference');
  const versions = listRecords(data, 'tor').filter((t) => t.boardId === boardId);
  const board = listRecords(data, 'board').find((b) => b.id === boardId)!;
  if (version) {
    const asked = versions.find((t) => t.version === version);
    if (!asked) throw new QuorumFailure('not-found', `The ${board.shortName} has no terms of reference version ${version}${versions.length ? `; its versions are ${versions.map((t) => `${t.version} (${t.status})`).join(', ')}` : ''}`);
    return { id: asked.id, draftOnly: false };
  }
  // The version in force, or, before any is approved, the newest draft (currentTor).
  const tor = currentTor(data, boardId as `board:${string}`);
  if (!tor) throw new QuorumFailure('not-found', `The ${board.shortName} has no terms of reference yet: import them from Word (quorum import tor) or write them in the app`);
  return { id: tor.id, draftOnly: tor.status === 'draft' };
};

/** The protocol's newest version (or the version asked for). */
const protocolVersionId = (data: StoreData, protocolId: unknown, version?: number): string => {
  if (typeof protocolId !== 'string' || !protocolId) throw new UsageError('--protocol ID is required');
  const versions = versionsOfProtocol(data, protocolId);
  const v = version ? versions.find((x) => x.version === version) : versions.at(-1);
  if (!v) throw new QuorumFailure('not-found', `There is no ${version ? `version ${version} of ` : ''}protocol ${protocolId}`);
  return v.id;
};
