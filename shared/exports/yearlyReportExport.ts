import type { StoreData } from '../data';
import { bullets, heading, notice, para, table, type PackBlock } from '../pack/parts/blocks';
import { formatUkDate, type HolidaySet } from '../rules/dates';
import { STATUTORY_SEATS_SOURCE } from './attendanceExports';
import { yearlyReport, type ReportAudience, type YearlyReport } from '../rules/yearlyReport';
import type { ActionSourceKind } from '../rules/actionSource';
import type { BlockSpec } from './document';
import { houseOf } from './house';

/**
 * The yearly report as a Word (and PDF) draft (docs/ARCHITECTURE.md, the yearly report): each
 * section Working Together to Safeguard Children 2023 (chapter 2) asks of a safeguarding
 * partnership's report, or a Health and Wellbeing Board's annual summary, with the figures from
 * shared/rules/yearlyReport.ts and, under each, where they came from. "To write" marks where the
 * officer writes the narrative around them in Word.
 */
export const SCP_REPORT_SOURCE = 'Children Act 2004 s.16G; Working Together to Safeguard Children 2023, chapter 2 (yearly report)';
export const HWB_REPORT_SOURCE = 'Health and Social Care Act 2012 s.194–196 (the board’s membership and duties); the board’s terms of reference';

const SOURCE_LABEL: Record<ActionSourceKind, string> = {
  meeting: 'Raised at a meeting',
  resolution: 'A resolution of the board',
  review: 'A review’s recommendation',
  section11: 'A section 11 audit finding (Children Act 2004 s.11)',
  'deep-dive': 'A deep dive',
};
const STATUS_WORDS = { open: 'Open', 'in-progress': 'In progress', done: 'Done' } as const;

const toWrite = (what: string): PackBlock => para(`To write: ${what}`, { italics: true });
const sourceLine = (what: string): PackBlock => para(`Source: ${what}${what.endsWith('.') ? '' : '.'}`, { italics: true });
const period = (r: YearlyReport) => `${formatUkDate(r.from)} to ${formatUkDate(r.to)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const arrangements = (r: YearlyReport, scp: boolean): PackBlock[] => [
  heading(1, scp ? 'The safeguarding arrangements and the relevant agencies' : 'Membership'),
  para(scp ? 'The safeguarding partners for the area and the relevant agencies they work with under the published arrangements.' : 'The board’s members under its terms of reference.'),
  r.arrangements.statutory.length
    ? table([scp ? 'Safeguarding partner' : 'Statutory member', 'Organisation', 'Member'], r.arrangements.statutory.map((s) => [s.role, s.organisation, s.person]))
    : para('No seat is marked statutory in the terms of reference.'),
  heading(2, scp ? 'Relevant agencies' : 'Other members'),
  r.arrangements.agencies.length ? bullets(r.arrangements.agencies.map((a) => `${a.organisation}: ${a.seats.join('; ')}`)) : para('None.'),
  sourceLine(`${r.arrangements.source}; ${STATUTORY_SEATS_SOURCE}`),
  toWrite(scp ? 'how the arrangements work in practice, and any change to them in the year.' : 'the board’s priorities for the year.'),
];

const attendance = (r: YearlyReport, scp: boolean): PackBlock[] => {
  const a = r.attendance;
  const statutory = a.seats.filter((s) => s.statutory);
  const failures = a.meetings.filter((m) => !m.quorate);
  return [
    heading(1, scp ? 'Attendance and representation of the safeguarding partners' : 'Attendance'),
    para(
      a.meetingsHeld
        ? `${plural(a.meetingsHeld, 'meeting')} held${a.meetingsCancelled ? ` and ${a.meetingsCancelled} cancelled` : ''} from ${period(r)}; ${failures.length ? `${plural(failures.length, 'meeting was', 'meetings were')} not quorate` : 'every meeting was quorate'}.`
        : `No meeting was held from ${period(r)}${a.meetingsCancelled ? ` (${a.meetingsCancelled} cancelled)` : ''}.`,
    ),
    !a.meetingsHeld
      ? para('With no meeting held, there is no attendance to report.')
      : statutory.length
      ? table(
          ['Seat', 'Organisation', 'Meetings', 'By the member', 'By a deputy', 'Not filled'],
          statutory.map((s) => [s.role, s.organisation, String(s.expected), String(s.present), String(s.bySubstitute), s.unfilled ? `${s.unfilled}: ${s.unfilledOn.map((d) => formatUkDate(d)).join('; ')}` : 'None']),
        )
      : para('No seat is marked statutory in the terms of reference.'),
    ...(a.people.length ? [heading(2, 'Every member'), table(['Member', 'Seat', 'Expected', 'Attended', 'Apologies', 'Absent'], a.people.map((p) => [p.name, p.seats.join('; '), String(p.expected), String(p.present + p.bySubstitute), String(p.apologies), String(p.absent)]))] : []),
    ...(failures.length ? [table(['Meeting', 'Why it was not quorate'], failures.map((m) => [formatUkDate(m.date), m.reasons.join(' ')]))] : []),
    sourceLine(`the attendance recorded for the ${plural(a.meetingsHeld, 'meeting')} held, against the terms of reference in force at each`),
    toWrite(scp ? 'whether there has been sufficient senior representation from each partner, and what is being done where there was not.' : 'how members’ attendance has supported the board’s work.'),
  ];
};

const decisions = (r: YearlyReport): PackBlock[] => [
  heading(1, 'Decisions of the year'),
  para(`${plural(r.counts.resolutions, 'resolution')} at the board’s meetings, and ${plural(r.counts.decisionsBetween, 'decision')} taken between meetings.`),
  r.resolutions.length ? table(['Meeting', 'Item', 'Resolution'], r.resolutions.map((x) => [formatUkDate(x.date), `${x.item}. ${x.title}${x.part2 ? ' (Part 2)' : ''}`, `${x.number}. ${x.text}`])) : para('No resolutions were recorded.'),
  ...(r.decisionsBetween.length ? [heading(2, 'Decisions between meetings'), table(['Decided', 'Decision', 'How', 'Outcome'], r.decisionsBetween.map((d) => [formatUkDate(d.on), d.title, d.route, d.outcome]))] : []),
  sourceLine('the resolutions in the minutes of the meetings held, and the decisions between meetings as reported to the board'),
];

const reviews = (r: YearlyReport): PackBlock[] => {
  const actions = r.actions.filter((a) => a.sourceKind === 'review');
  return [
    heading(1, 'Rapid reviews and child safeguarding practice reviews'),
    para(`${plural(r.reviews.length, 'review')} open in the year, ${r.counts.reviewsStarted} of them begun in it. Each is named by its reference only: no child is identified.`),
    ...r.reviews.flatMap((c) => [
      heading(2, c.title),
      table(
        ['Step', 'Due', 'Done', 'In time'],
        c.steps.map((s) => [s.title, formatUkDate(s.dueOn), s.doneOn ? formatUkDate(s.doneOn) : 'Not yet', s.onTime === null ? '' : s.onTime ? 'Yes' : { text: 'No', rag: 'red' as const }]),
      ),
    ]),
    heading(2, 'Actions on the reviews’ recommendations'),
    actions.length ? table(['Recommendation', 'Action', 'Owner', 'Due', 'Status'], actions.map((a) => [a.source, a.text, a.owner, formatUkDate(a.dueDate), STATUS_WORDS[a.status]])) : para('No actions on review recommendations were recorded.'),
    sourceLine('the cases on the statutory clocks (their steps and dates) and the action log; the timescales are those of Working Together to Safeguard Children 2023, chapter 5'),
    toWrite('the learning from the reviews and how it has changed practice.'),
  ];
};

const actionsAndChange = (r: YearlyReport, scp: boolean): PackBlock[] => {
  const kinds = (Object.keys(r.counts.bySource) as ActionSourceKind[]).filter((k) => scp || (k !== 'review' && k !== 'section11'));
  const done = r.actions.filter((a) => a.status === 'done' && a.closedOn && a.closedOn >= r.from && a.closedOn <= r.to);
  return [
    heading(1, 'Actions and what changed'),
    para(`${plural(r.counts.actionsRaised, 'action')} raised in the year, ${r.counts.actionsDone} completed in it; ${r.counts.actionsOpen} open at its end.${r.actionsWithheld ? ` ${plural(r.actionsWithheld, 'action')} of Part 2 items ${r.actionsWithheld === 1 ? 'is' : 'are'} counted but not described.` : ''}`),
    table(['Where it came from', 'Raised in the year', 'Completed in the year'], kinds.map((k) => [SOURCE_LABEL[k], String(r.counts.bySource[k].raised), String(r.counts.bySource[k].done)])),
    heading(2, 'Every action'),
    r.actions.length ? table(['Action', 'From', 'Owner', 'Due', 'Status', 'Latest update'], r.actions.map((a) => [a.text, a.source, a.owner, formatUkDate(a.dueDate), STATUS_WORDS[a.status], a.latestUpdate]), { landscape: true }) : para('No actions.'),
    heading(2, 'What changed as a result'),
    done.length ? bullets(done.map((a) => `${a.text} (${a.source}; completed ${formatUkDate(a.closedOn!)})${a.latestUpdate ? `: ${a.latestUpdate}` : ''}`)) : para('No action was completed in the year.'),
    sourceLine('the action log: each action, where it came from, and its updates'),
    toWrite(scp ? 'the difference the work has made to children and families, and the areas with little or no evidence of progress.' : 'the difference the board’s work has made.'),
  ];
};

const deepDives = (r: YearlyReport): PackBlock[] => [
  heading(1, 'Deep dives'),
  para(`${plural(r.counts.deepDives, 'deep dive')} held at the board’s meetings.`),
  r.deepDives.length
    ? table(['Meeting', 'Theme', 'What it found', 'Recommendations', 'Actions done'], r.deepDives.map((d) => [formatUkDate(d.date), d.theme, d.outcomes, d.recommendations.join('; '), `${d.actionsDone} of ${d.actions}`]), { landscape: true })
    : para('No deep dives were held.'),
  sourceLine('the deep-dive schedule and the action log'),
];

const duties = (r: YearlyReport): PackBlock[] =>
  r.obligations.length
    ? [
        heading(1, 'Statutory duties'),
        table(['Duty', 'Met in the year', 'Source'], r.obligations.map((o) => [o.title, o.metOn.length ? o.metOn.map((d) => formatUkDate(d)).join('; ') : { text: 'Not recorded', rag: 'amber' as const }, o.source])),
        sourceLine('the statutory clocks: each duty as recorded met'),
      ]
    : [];

export const yearlyReportBlocks = (r: YearlyReport, today: string): PackBlock[] => {
  const scp = r.board.kind === 'safeguarding-partnership';
  return [
    heading(1, `${r.board.name}: ${scp ? 'yearly report' : 'annual summary'}, ${period(r)}`),
    notice(`A draft, drawn by Quorum from the board’s records on ${formatUkDate(today)}${r.audience === 'full' ? '. Includes Part 2 (exempt) information: NOT FOR PUBLICATION' : ''}. Each figure is counted from the records and says where it came from; write the narrative where marked “To write”.`),
    para(scp ? `What the safeguarding partners and relevant agencies have done as a result of the arrangements, and how effective they have been (${SCP_REPORT_SOURCE}).` : `The board’s year (${HWB_REPORT_SOURCE}).`, { italics: true }),
    toWrite(scp ? 'a foreword from the safeguarding partners and the independent scrutineer’s view.' : 'a foreword from the chair.'),
    ...arrangements(r, scp),
    ...attendance(r, scp),
    ...decisions(r),
    ...(scp ? reviews(r) : []),
    ...actionsAndChange(r, scp),
    ...deepDives(r),
    ...duties(r),
    ...(scp ? [heading(1, 'Children’s and families’ voices'), toWrite('how the partners sought and used feedback from children and families in the year.'), heading(1, 'Priorities for the coming year'), toWrite('the partners’ priorities, and how they will know they have made a difference.')] : [heading(1, 'Priorities for the coming year'), toWrite('the board’s priorities for the coming year.')]),
  ];
};

export const yearlyReportSpec = (data: StoreData, req: { boardId: string; from: string; to: string; audience: ReportAudience; holidays: HolidaySet; today: string }): BlockSpec => {
  const r = yearlyReport(data, req);
  const scp = r.board.kind === 'safeguarding-partnership';
  const what = scp ? 'Yearly report' : 'Annual summary';
  return {
    title: `${r.board.name}: ${what.toLowerCase()}, ${period(r)} (draft)`,
    subject: what,
    ...houseOf(data),
    header: `${r.board.shortName} · ${what} ${r.from.slice(0, 4)}–${r.to.slice(2, 4)} · Draft${req.audience === 'full' ? ' · NOT FOR PUBLICATION' : ''}`,
    footer: `${what}: draft${req.audience === 'full' ? ', includes Part 2' : ''}`,
    blocks: yearlyReportBlocks(r, req.today),
  };
};
