import type { AgendaItem, Meeting } from '../schema/records';
import { findRecord, listRecords, type StoreData } from '../data';
import { currentTor } from '../rules/boards';
import { formatUkDate, paperDeadline, type HolidaySet } from '../rules/dates';
import { assemblePack, meetingItems, numberedAgenda, type PackModel, type PackVariant } from './model';
import { scanMarkdown, type MarkdownFinding } from './markdown/scan';
import { imagePath } from './markdown/images';
import { planFindings } from '../rules/planChecks';
import { titleIn } from '../rules/confidential';
import { clearanceStates } from '../rules/clearance';
import { checkStandards, readingLoad, standardsFor } from '../rules/paperStandards';

export type PreflightProblem = {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** Where the secretariat fixes it. */
  fix: { area: 'paper' | 'agenda-item' | 'meeting' | 'partnership' | 'deep-dive'; id: string };
};

export type PreflightReport = {
  /** What the pack asks each member to read: its papers' words, pages (500 words each) and minutes at 200 words a minute. */
  reading: { words: number; pages: number; minutes: number };
  meetingId: Meeting['id'];
  variant: PackVariant;
  paperDeadline: string;
  problems: PreflightProblem[];
  errors: number;
  warnings: number;
};

/** Faults Quorum cannot mend itself block the build; those it mends (heading order) only warn. */
const FINDING_SEVERITY: Record<MarkdownFinding['kind'], PreflightProblem['severity']> = {
  'image-no-alt': 'error',
  'image-missing': 'error',
  'table-no-header': 'error',
  'heading-skipped': 'warning',
  'heading-empty': 'warning',
  'link-vague': 'warning',
  'link-unsafe': 'warning',
  'raw-html': 'warning',
};

/** Every Markdown body the pack will print, with where it comes from (already filtered for the variant). */
const markdownInPack = (model: PackModel) => [
  ...model.papers.flatMap((p) => [
    { where: `Paper ${p.number} (${p.title})`, text: p.body, fix: { area: 'paper' as const, id: p.agendaItemId } },
    { where: `the executive summary of paper ${p.number}`, text: p.coverSheet.executiveSummary, fix: { area: 'paper' as const, id: p.agendaItemId } },
  ]),
  ...model.part2Papers.map((p) => ({ where: `Paper ${p.number} (${p.title})`, text: p.body, fix: { area: 'paper' as const, id: p.agendaItemId } })),
  ...(model.lastMinutes?.items ?? []).map((i) => ({ where: `the minutes of the last meeting, item ${i.number}`, text: i.minutes, fix: { area: 'meeting' as const, id: model.lastMinutes!.meetingId } })),
];

/** The Markdown texts the pre-flight reads, and the build then lays out. */
export const markdownTextsIn = (model: PackModel): string[] => markdownInPack(model).map((s) => s.text);

/** The `images/…` files the pack shows, so main reads just those from the data folder. */
export const referencedImages = (model: PackModel): string[] => {
  const found = new Set<string>();
  for (const source of markdownInPack(model))
    for (const m of source.text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
      const path = imagePath(m[1]);
      if (path) found.add(path);
    }
  if (model.partnership.logo) found.add(`images/${model.partnership.logo.file}`);
  return [...found];
};

/**
 * The checks run before a pack is built, in the app and in `quorum pack`: papers missing or late
 * against the board's terms of reference, cover sheets, Part 2 classification, and accessibility.
 */
export const preflight = (
  data: StoreData,
  meetingId: string,
  variant: PackVariant,
  today: string,
  holidays: HolidaySet,
  hasImage: (path: string) => boolean,
  /** The pack already assembled for this meeting, variant and day (a build checks the pack it is about to write). */
  model: PackModel = assemblePack(data, meetingId, variant, today),
): PreflightReport => {
  const meeting = findRecord(data, 'meeting', meetingId)!;
  const tor = currentTor(data, meeting.boardId, meeting.date);
  const clearDays = tor?.paperDeadlineWorkingDays ?? 5;
  const deadline = paperDeadline(meeting.date, clearDays, holidays);
  const problems: PreflightProblem[] = [];
  const add = (severity: PreflightProblem['severity'], code: string, message: string, fix: PreflightProblem['fix']) => problems.push({ severity, code, message, fix });

  if (meeting.status === 'cancelled') add('error', 'meeting-cancelled', `The meeting was cancelled${meeting.cancellation ? ` (${meeting.cancellation.reason})` : ''}; there is no pack to send.`, { area: 'meeting', id: meeting.id });
  const items = numberedAgenda(meetingItems(data, meeting.id));
  if (items.length === 0) add('error', 'agenda-empty', 'The meeting has no agenda items yet.', { area: 'meeting', id: meeting.id });
  if (!tor) add('warning', 'no-terms-of-reference', 'The board has no terms of reference, so the paper deadline assumes 5 clear working days.', { area: 'meeting', id: meeting.id });

  const board = findRecord(data, 'board', meeting.boardId);
  const standards = board ? standardsFor(board) : undefined;
  for (const { item, number } of items) {
    checkItem(data, item, number, deadline, clearDays, today, add);
    if (standards && !(item.part2 && variant === 'public'))
      for (const f of checkStandards(item, standards, `Item ${number} (${titleIn(item, variant)})`)) add('warning', f.code, f.message, { area: 'paper', id: item.id });
    // Silence is never clearance: each clearance the board asks must hold on the paper as it stands.
    if (board && item.paper?.status === 'received')
      for (const c of clearanceStates(data, board, item))
        if (c.state !== 'cleared')
          add(
            'error',
            c.state === 'missing' ? 'clearance-missing' : 'clearance-reset',
            c.state === 'missing'
              ? `Item ${number} (${titleIn(item, variant)}): no ${c.label.toLowerCase()} clearance yet.`
              : `Item ${number} (${titleIn(item, variant)}): the ${c.label.toLowerCase()} clearance given by ${c.latest!.clearedBy} on ${formatUkDate(c.latest!.on)} was reset when the paper's text changed; ask for it again.`,
            { area: 'paper', id: item.id },
          );
  }
  // Team mode: a record the pack prints that two officers changed differently waits for a person (shared/team/conflicts.ts).
  if (data.undecided?.size) {
    const decide = 'decide between the two officers’ versions in Team, Needs decision, first';
    if (data.undecided.has(meeting.id)) add('error', 'needs-decision', `Two officers changed this meeting’s details differently: ${decide}.`, { area: 'meeting', id: meeting.id });
    for (const { item, number } of items) if (data.undecided.has(item.id)) add('error', 'needs-decision', `Item ${number} (${titleIn(item, variant)}): two officers changed it differently: ${decide}.`, { area: 'agenda-item', id: item.id });
    const last = model.lastMinutes;
    if (last) for (const { item, number } of numberedAgenda(meetingItems(data, last.meetingId))) if (data.undecided.has(item.id)) add('error', 'needs-decision', `The minutes of the last meeting, item ${number}: two officers changed them differently: ${decide}.`, { area: 'meeting', id: last.meetingId });
  }
  for (const d of listRecords(data, 'deepDive').filter((x) => x.meetingId === meeting.id && x.status !== 'closed'))
    if (items.length && !items.some(({ item }) => item.deepDiveId === d.id))
      add('warning', 'deep-dive-not-on-agenda', `The deep dive “${d.theme}” is scheduled for this meeting but is not on its agenda, so its briefing is left out of the pack.`, { area: 'deep-dive', id: d.id });

  for (const source of markdownInPack(model))
    for (const f of scanMarkdown(source.text, hasImage)) add(FINDING_SEVERITY[f.kind], f.kind, `In ${source.where}: ${f.detail}.`, source.fix);

  // The plan checked for this meeting (shared/rules/planChecks): deep dives the ToR asks for, follow-ups due.
  for (const f of planFindings(data, today, holidays, meeting).filter((x) => x.meetingId === meeting.id)) {
    if (f.kind === 'deep-dives-short' || f.kind === 'deep-dives-over') add('warning', f.kind, f.message, { area: 'deep-dive', id: meeting.id });
    if (f.kind === 'deep-dive-no-lead' || f.kind === 'theme-repeated') add('warning', f.kind, f.message, { area: 'deep-dive', id: f.deepDiveId! });
    // An empty briefing going into the pack is an error: it would print "Not given".
    if (f.kind === 'briefing-empty' && items.some(({ item }) => item.deepDiveId === f.deepDiveId)) add('error', f.kind, f.message, { area: 'deep-dive', id: f.deepDiveId! });
    if (f.kind === 'follow-up-due' && !items.some(({ item }) => item.deepDiveId === f.deepDiveId)) add('warning', f.kind, `${f.message} It is not on the agenda.`, { area: 'deep-dive', id: f.deepDiveId! });
    // A forward plan item meant for this meeting, not on its agenda, whose paper is overdue (items on the agenda are checked above).
    if (f.kind === 'paper-overdue' && !items.some(({ item }) => item.forwardPlanItemId === f.forwardPlanItemId)) add('warning', f.kind, `${f.message} It is not on the agenda.`, { area: 'meeting', id: meeting.id });
  }

  const logo = model.partnership.logo;
  if (logo && !hasImage(`images/${logo.file}`))
    add('warning', 'logo-missing', `The partnership logo (${logo.file}) is not in the data folder; the cover will have no logo.`, { area: 'partnership', id: 'partnership' });

  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const reading = readingLoad(items.filter(({ item }) => !(item.part2 && variant === 'public')).map(({ item }) => item));
  return { meetingId: meeting.id, variant, paperDeadline: deadline, problems, errors, warnings: problems.length - errors, reading };
};

type Add = (severity: PreflightProblem['severity'], code: string, message: string, fix: PreflightProblem['fix']) => void;

const checkItem = (data: StoreData, item: AgendaItem, number: number, deadline: string, clearDays: number, today: string, add: Add) => {
  const paper = item.paper;
  const fix = { area: 'paper' as const, id: item.id };
  const label = `Item ${number} (${item.title})`;
  if (paper?.coverSheet.classification === 'exempt' && !item.part2)
    add('error', 'exempt-not-part2', `${label}: the paper is marked exempt but the item is not in Part 2 with a Schedule 12A paragraph, so it would be published.`, { area: 'agenda-item', id: item.id });
  if (item.part2 && paper && paper.coverSheet.classification !== 'exempt')
    add('error', 'part2-cover-public', `${label}: the item is in Part 2 but its cover sheet says “Public”; mark the paper exempt.`, { area: 'paper', id: item.id });
  if (item.part2 && !item.part2.reason.trim())
    add('warning', 'part2-no-reason', `${label}: a Part 2 item (paragraph ${item.part2.paragraph}) with no reason recorded for the exclusion.`, { area: 'agenda-item', id: item.id });
  if (!paper || paper.status === 'not-needed') return;
  const author = paper.authorPersonId ? findRecord(data, 'person', paper.authorPersonId)?.name : undefined;
  if (paper.status !== 'received' || !paper.body.trim()) {
    const due = deadline < today ? `the deadline (${formatUkDate(deadline)}, ${clearDays} clear working days) has passed` : `due by ${formatUkDate(deadline)}`;
    add('error', 'paper-missing', `${label}: the paper has not been received${author ? ` from ${author}` : ''}; ${due}. It would print as “to follow”.`, fix);
    return;
  }
  if (paper.receivedOn && paper.receivedOn > deadline)
    add('warning', 'paper-late', `${label}: the paper was received on ${formatUkDate(paper.receivedOn)}, after the deadline of ${formatUkDate(deadline)}.`, fix);
  const c = paper.coverSheet;
  if (!c.executiveSummary.trim()) add('error', 'cover-summary', `${label}: the cover sheet has no executive summary.`, fix);
  if (item.purpose === 'decision' && c.recommendations.length === 0) add('error', 'cover-recommendations', `${label}: a decision item with no recommendations on its cover sheet.`, fix);
  if (!c.reportOf.trim()) add('warning', 'cover-report-of', `${label}: the cover sheet does not say whose report it is.`, fix);
  if (!c.author.trim()) add('warning', 'cover-author', `${label}: the cover sheet names no author.`, fix);
  const missing = (['finance', 'legal', 'equalities', 'risk'] as const).filter((k) => !c.implications[k].trim());
  if (missing.length) add('warning', 'cover-implications', `${label}: the cover sheet leaves the ${missing.join(', ')} implications blank.`, fix);
};
