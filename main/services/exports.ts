import { resolve } from 'node:path';
import { findRecord, type StoreData } from '../../shared/data';
import { buildCalendar } from '../../shared/exports/calendar';
import { buildWordExport, type WordExport } from '../../shared/exports/meetingExports';
import { buildGovernanceExport, type GovernanceExport } from '../../shared/exports/governance';
import { buildPlanExport, type PlanExport } from '../../shared/exports/planExports';
import type { PackVariant } from '../../shared/pack/model';
import { QuorumFailure } from '../../shared/result';
import { bankHolidaysAround } from './holidays';
import { decisionsCsv } from '../../shared/exports/decisionsCsv';
import { saveChosenFile } from './store/savedFile';
import type { Clock } from '../../shared/clock';
import { attendanceCsv, attendanceSpec, type AttendancePeriod } from '../../shared/exports/attendanceExports';
import { wordOfSpec } from '../../shared/exports/document';
import { registerSpec } from '../../shared/exports/registerExport';
import { yearlyReportSpec } from '../../shared/exports/yearlyReportExport';
import { documentHtml } from '../../shared/pack/html/document';
import { headingTexts, withHeadingTitles } from './pdf/structure';
import type { PdfPrinter } from './pdf/printer';

export const EXPORT_LABEL: Record<WordExport, string> = { agenda: 'Agenda', minutes: 'Minutes', actions: 'Action log' };

/** "2026-12-15 Children’s Trust minutes (public).docx" */
export const suggestedExportName = (data: StoreData, kind: WordExport | 'calendar', meetingId?: string, variant?: PackVariant, boardId?: string): string => {
  if (kind === 'calendar') {
    const board = boardId ? findRecord(data, 'board', boardId) : undefined;
    return `${board?.shortName ?? 'Board'} meetings.ics`.replace(/[\\/:*?"<>|]/g, '-');
  }
  const meeting = meetingId ? findRecord(data, 'meeting', meetingId) : undefined;
  const board = meeting ? findRecord(data, 'board', meeting.boardId) : undefined;
  return `${meeting?.date ?? ''} ${board?.shortName ?? 'Board'} ${EXPORT_LABEL[kind].toLowerCase()} (${variant ?? 'public'}).docx`.trim().replace(/[\\/:*?"<>|]/g, '-');
};

const ensureExtension = (file: string, ext: string) => (file.toLowerCase().endsWith(ext) ? file : `${file}${ext}`);

/** Writes the agenda, minutes or action log of a meeting as a Word file, atomically. */
export const writeWordExport = async (data: StoreData, req: { kind: WordExport; meetingId: string; variant: PackVariant; out: string; clock: Clock }) => {
  if (!findRecord(data, 'meeting', req.meetingId)) throw new QuorumFailure('not-found', `There is no meeting with id ${req.meetingId}`);
  const out = resolve(ensureExtension(req.out, '.docx'));
  const { bytes, title } = await buildWordExport(data, req.kind, { meetingId: req.meetingId, variant: req.variant, today: req.clock.today(), builtAt: req.clock.now() });
  saveChosenFile(out, bytes);
  return { file: out, bytes: bytes.length, title };
};

/** Writes the meetings and paper deadlines (of one board, or all) as an .ics calendar. */
export const writeCalendar = (data: StoreData, req: { boardId?: string; out: string; clock: Clock }) => {
  if (req.boardId && !findRecord(data, 'board', req.boardId)) throw new QuorumFailure('not-found', `There is no board with id ${req.boardId}`);
  const out = resolve(ensureExtension(req.out, '.ics'));
  const today = req.clock.today();
  const text = buildCalendar(data, { boardId: req.boardId, today, holidays: bankHolidaysAround(today), stamp: req.clock.now() });
  saveChosenFile(out, text);
  return { file: out, bytes: Buffer.byteLength(text) };
};

/** Writes the terms of reference or the protocol (optionally with tracked changes) as Word. */
export const writeGovernanceExport = async (data: StoreData, req: { what: GovernanceExport; id: string; trackedChanges?: boolean; out: string; clock: Clock; signedIn?: string }) => {
  const out = resolve(ensureExtension(req.out, '.docx'));
  const { bytes, title } = await buildGovernanceExport(data, { what: req.what, id: req.id, trackedChanges: req.trackedChanges, builtAt: req.clock.now(), signedIn: req.signedIn });
  saveChosenFile(out, bytes);
  return { file: out, bytes: bytes.length, title };
};

export const suggestedGovernanceName = (data: StoreData, what: GovernanceExport, id: string, trackedChanges?: boolean): string => {
  if (what === 'tor') {
    const tor = findRecord(data, 'tor', id);
    const board = tor ? findRecord(data, 'board', tor.boardId) : undefined;
    return `${board?.shortName ?? 'Board'} terms of reference v${tor?.version ?? ''}.docx`.replace(/[\\/:*?"<>|]/g, '-');
  }
  const v = findRecord(data, 'protocolVersion', id);
  return `Protocol v${v?.version ?? ''}${trackedChanges ? ' (tracked changes)' : ''}.docx`;
};

/** Writes the deep-dive schedule or the forward plan (of one board, or all) as Word. */
export const writePlanExport = async (data: StoreData, req: { what: PlanExport; boardId?: string; out: string; clock: Clock; variant?: PackVariant }) => {
  const out = resolve(ensureExtension(req.out, '.docx'));
  const today = req.clock.today();
  const { bytes, title } = await buildPlanExport(data, { what: req.what, boardId: req.boardId, today, holidays: bankHolidaysAround(today), builtAt: req.clock.now(), variant: req.variant });
  saveChosenFile(out, bytes);
  return { file: out, bytes: bytes.length, title };
};

/** Decisions between meetings as a CSV file (UTF-8 with a byte-order mark, so Excel reads the pound sign and the dashes). */
export const writeDecisionsCsv = (data: StoreData, req: { boardId?: string; variant: PackVariant; out: string }) => {
  const out = resolve(ensureExtension(req.out, '.csv'));
  const bytes = Buffer.from(`\ufeff${decisionsCsv(data, req.variant, req.boardId)}`, 'utf8');
  saveChosenFile(out, bytes);
  return { file: out, bytes: bytes.length, title: `the decisions taken between meetings (${req.variant})` };
};

/** Attendance and representation over a period, as Word or CSV (UTF-8 with a byte-order mark for Excel). */
export const writeAttendanceExport = async (data: StoreData, req: { period: AttendancePeriod; variant: PackVariant; format: 'docx' | 'csv'; out: string; clock: Clock }) => {
  if (req.period.boardId && !findRecord(data, 'board', req.period.boardId)) throw new QuorumFailure('not-found', `There is no board with id ${req.period.boardId}`);
  if (req.period.from > req.period.to) throw new QuorumFailure('invalid-input', 'The period ends before it begins.');
  const out = resolve(ensureExtension(req.out, `.${req.format}`));
  const spec = attendanceSpec(data, req.period, req.variant);
  const bytes = req.format === 'csv' ? Buffer.from(`\ufeff${attendanceCsv(data, req.period, req.variant)}`, 'utf8') : await wordOfSpec(spec, req.clock.now());
  saveChosenFile(out, bytes);
  return { file: out, bytes: bytes.length, title: `${spec.title.replace(/^Attendance/, 'attendance')} (${req.variant})` };
};

export const suggestedAttendanceName = (data: StoreData, period: AttendancePeriod, format: 'docx' | 'csv', variant: PackVariant): string => {
  const board = period.boardId ? findRecord(data, 'board', period.boardId) : undefined;
  return `${board?.shortName ?? 'All boards'} attendance ${period.from} to ${period.to} (${variant}).${format}`.replace(/[\\/:*?"<>|]/g, '-');
};

/** The register of interests as it stood on a day, as Word. */
export const writeRegisterExport = async (data: StoreData, req: { on: string; variant: PackVariant; out: string; clock: Clock }) => {
  const out = resolve(ensureExtension(req.out, '.docx'));
  const spec = registerSpec(data, req.on, req.variant);
  const bytes = await wordOfSpec(spec, req.clock.now());
  saveChosenFile(out, bytes);
  return { file: out, bytes: bytes.length, title: `the register of interests as at ${req.on} (${req.variant})` };
};

/**
 * The yearly report or annual summary as a Word or PDF draft. The PDF is laid out in the browser
 * engine the pack uses (Electron's in the app, Chromium from the CLI), with bookmarks from its
 * headings.
 */
export const writeYearlyReport = async (
  data: StoreData,
  req: { boardId: string; from: string; to: string; variant: PackVariant; format: 'docx' | 'pdf'; out: string; clock: Clock; printer?: () => Promise<PdfPrinter>; onProgress?: (done: number, total: number, label: string) => void },
) => {
  const board = findRecord(data, 'board', req.boardId);
  if (!board) throw new QuorumFailure('not-found', `There is no board with id ${req.boardId}`);
  if (req.from > req.to) throw new QuorumFailure('invalid-input', 'The period ends before it begins.');
  const out = resolve(ensureExtension(req.out, `.${req.format}`));
  const today = req.clock.today();
  const progress = req.onProgress ?? (() => {});
  progress(0, 2, 'Counting the year from the records');
  const spec = yearlyReportSpec(data, { boardId: board.id, from: req.from, to: req.to, audience: req.variant, holidays: bankHolidaysAround(today), today });
  let bytes: Uint8Array;
  if (req.format === 'docx') bytes = await wordOfSpec(spec, req.clock.now());
  else {
    progress(1, 2, 'Laying out the pages');
    const printer = await (req.printer ?? (() => import('./pdf/chromiumPrinter').then((m) => m.launchChromiumPrinter())))();
    try {
      const html = documentHtml(spec);
      bytes = await withHeadingTitles(await printer.print({ html }), headingTexts(html));
    } finally {
      await printer.close();
    }
  }
  saveChosenFile(out, bytes);
  progress(2, 2, req.format === 'pdf' ? 'Saved as PDF' : 'Saved as Word');
  return { file: out, bytes: bytes.length, title: spec.title };
};

export const suggestedYearlyReportName = (data: StoreData, boardId: string, from: string, to: string, format: 'docx' | 'pdf', variant: PackVariant): string => {
  const board = findRecord(data, 'board', boardId);
  const what = board?.kind === 'safeguarding-partnership' ? 'yearly report' : 'annual summary';
  return `${board?.shortName ?? 'Board'} ${what} ${from} to ${to} (draft, ${variant}).${format}`.replace(/[\\/:*?"<>|]/g, '-');
};
