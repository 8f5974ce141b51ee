import { buildDashboard } from '../../shared/rules/dashboard';
import { formatUkDate } from '../../shared/rules/dates';
import type { StoreStatus } from '../../shared/views';
import type { QuorumStore } from '../services/store/store';
import { bankHolidaysAround } from '../services/holidays';
import { missingPictures } from '../services/store/pictures';
import { obligationsReport } from './obligations';
import type { DueObligation } from '../../shared/rules/obligations';
import { listRecords } from '../../shared/data';

export type Warning = { board?: string; kind: string; message: string; dueOn?: string };

/** Governance warnings from the store: what the dashboard flags, as lines a script can read. */
export const governanceWarnings = (store: QuorumStore, today: string): Warning[] => {
  const dash = buildDashboard(store.data, today, bankHolidaysAround(today));
  const warnings: Warning[] = [];
  for (const b of dash.boards) {
    if (!b.hasTermsOfReference) warnings.push({ board: b.name, kind: 'no-terms-of-reference', message: `${b.name} has no terms of reference` });
    if (b.overdueActions > 0) warnings.push({ board: b.name, kind: 'overdue-actions', message: `${b.name}: ${b.overdueActions} overdue action(s)` });
    const m = b.nextMeeting;
    if (m && m.papersOutstanding.length > 0 && m.daysToPaperDeadline < 0)
      warnings.push({ board: b.name, kind: 'papers-late', message: `${b.name}: ${m.papersOutstanding.length} paper(s) for ${formatUkDate(m.date)} missed the deadline of ${formatUkDate(m.paperDeadline)}` });
    if (b.torReview && b.torReview.daysUntil <= 60)
      warnings.push({ board: b.name, kind: 'tor-review-due', message: `${b.name}: terms of reference ${b.torReview.daysUntil < 0 ? 'overdue for review since' : 'due for review on'} ${formatUkDate(b.torReview.date)}` });
  }
  for (const f of dash.planFindings) warnings.push({ board: dash.boards.find((b) => b.boardId === f.boardId)?.name, kind: f.kind, message: f.message });
  // Statutory clocks: overdue, or due within four weeks, with the ISO date (the same list quorum obligations prints).
  for (const o of obligationsReport(store.data, today))
    if (o.status === 'overdue' || (o.status === 'due' && o.dueOn && (o.daysLeft ?? 99) <= 28))
      warnings.push({ board: o.board, kind: o.status === 'overdue' ? 'obligation-overdue' : 'obligation-due', message: `${o.board}: ${o.message}`, dueOn: o.dueOn! });
  for (const d of listRecords(store.data, 'decision'))
    if (d.written && !d.written.outcome && today > d.written.closesOn)
      warnings.push({ kind: 'written-resolution-closed', message: `The written resolution “${d.title}” closed on ${formatUkDate(d.written.closesOn)}: fix its outcome (Statutory clocks, Decisions)`, dueOn: d.written.closesOn });
  for (const p of dash.protocols)
    if (p.reviewDaysUntil <= 60)
      warnings.push({ kind: 'protocol-review-due', message: `${p.title}: review ${p.reviewDaysUntil < 0 ? 'overdue since' : 'due on'} ${formatUkDate(p.reviewDate)}` });
  return warnings;
};

/** Pictures the papers use that the data folder no longer holds intact (a move or a copy that left them behind). */
const pictureWarnings = (store: QuorumStore): Warning[] =>
  missingPictures(store.dataDir, store.data.records).map((path) => ({ kind: 'picture-missing', message: `The picture ${path} is used by a paper but is missing from the data folder or has changed` }));

export type CheckReport = {
  dataDir: string;
  ok: boolean;
  state: StoreStatus['state'];
  schema: { ok: boolean };
  journal: StoreStatus['journal'];
  counts: StoreStatus['counts'];
  backups: number;
  warnings: Warning[];
  /** Every statutory clock, as `quorum obligations --json` lists them. */
  obligations: DueObligation[];
};

export const checkStore = (store: QuorumStore, today: string): CheckReport => {
  const status = store.status();
  return {
    dataDir: store.dataDir,
    ok: status.journal.ok && status.state !== 'recovery-needed',
    state: status.state,
    // Opening validated every record against the schemas; an invalid store never gets this far.
    schema: { ok: true },
    journal: status.journal,
    counts: status.counts,
    backups: store.backups().length,
    warnings: [...governanceWarnings(store, today), ...pictureWarnings(store)],
    obligations: obligationsReport(store.data, today),
  };
};
