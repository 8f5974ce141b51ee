import type { ActionLogRow, LastMinutes, PackModel, PackVariant } from '../model';
import { formatUkDate } from '../../rules/dates';
import { bullets, heading, markdown, notice, numbered, para, table, type PackBlock } from './blocks';

/** Draft minutes of the last meeting, laid out as the boards publish them. */
export const lastMinutes = (model: PackModel): PackBlock[] => {
  const m = model.lastMinutes;
  if (!m) return [heading(1, 'Minutes of the last meeting', { newPage: true }), para('This is the board’s first meeting in Quorum: there are no earlier minutes.')];
  const out: PackBlock[] = [
    heading(1, `${m.approved ? 'Minutes' : 'Draft minutes'} of the meeting held on ${formatUkDate(m.date)}`, { newPage: true }),
    para(`${m.startTime}, ${m.venue || 'venue not recorded'}${m.approved ? '' : '. For approval as an accurate record.'}`),
    ...minutesBody(m),
  ];
  if (m.mattersArising) {
    out.push(heading(2, 'Matters arising: actions from that meeting'));
    out.push(
      m.mattersArising.length === 0
        ? para('No actions were raised.')
        : table(['Item', 'Action', 'Owner', 'Due', 'Status'], m.mattersArising.map((a) => [String(a.number), a.text, a.owner, a.due, { text: a.rag.label, rag: a.rag.colour, bold: true }])),
    );
  }
  return out;
};

/**
 * Attendance (present, substitutes "A, in place of B", in attendance, apologies), declarations,
 * then each item with its minute, "It was resolved that: 1. … 2. …" and its actions: the layout
 * of published board minutes.
 */
export const minutesBody = (m: LastMinutes): PackBlock[] => {
  const out: PackBlock[] = [];
  const group = (title: string, people: string[], none: string) => [heading(2, title), people.length ? bullets(people) : para(none)];
  out.push(...group('Present', m.present, 'No attendance was recorded.'));
  if (m.substitutes.length) out.push(...group('Substitutes', m.substitutes, ''));
  if (m.inAttendance.length) out.push(...group('In attendance', m.inAttendance, ''));
  out.push(...group('Apologies', m.apologies, 'None.'));
  out.push(...group('Declarations of interest', m.declarations, 'None.'));
  for (const item of m.items) {
    out.push(heading(2, `${item.number}. ${item.title}`));
    if (item.exempt) {
      out.push(notice(`This item was taken in private (exempt information, Schedule 12A paragraph ${item.exempt.paragraph}). Its minutes are in the full pack only.`));
      continue;
    }
    out.push(item.minutes.trim() ? markdown(item.minutes, 2) : para('No minutes were recorded for this item.', { italics: true }));
    if (item.resolutions.length) out.push(para('It was resolved that:', { bold: true }), numbered(item.resolutions));
    if (item.actions.length) out.push(para('Actions', { bold: true }), table(['Action', 'Owner', 'Due'], item.actions.map((a) => [a.text, a.owner, a.due])));
  }
  return out;
};

/** The action log: colour and a text label for its status, so colour is never the only signal. */
export const actionLog = (model: PackModel): PackBlock[] => [heading(1, 'Action log', { newPage: true }), ...actionLogBody(model.actionLog, model.variant, model.exemptActionsOmitted)];

/** The action log's table; `landscape` when the page is (the export prints it landscape). */
export const actionLogBody = (rows: readonly ActionLogRow[], variant: PackVariant, omitted: number, opts: { landscape?: boolean } = {}): PackBlock[] => {
  const out: PackBlock[] = [para('Every open action, and those completed since the last meeting. Status: Overdue (red), Due soon (amber), On track or Done (green).')];
  if (rows.length === 0) out.push(para('There are no open actions.'));
  else
    out.push(
      table(
        ['Ref', 'Action', 'Owner', 'Raised', 'Due', 'Status', 'Latest update'],
        rows.map((a) => [a.ref, a.text, a.owner, a.raisedAt, a.due, { text: a.rag.label, rag: a.rag.colour, bold: true }, a.latestUpdate]),
        opts,
      ),
    );
  if (variant === 'public' && omitted > 0) out.push(notice(`${omitted} action${omitted === 1 ? '' : 's'} from exempt items ${omitted === 1 ? 'is' : 'are'} in the full version only.`));
  return out;
};
