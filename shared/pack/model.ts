import type { Action, AgendaItem, Board, DeepDive, Meeting, Partnership } from '../schema/records';
import { meetingItems, numberedAgenda } from '../rules/agenda';
import { findRecord, getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { boardMeetings } from '../rules/boards';
import { actionRag, type ActionRag } from '../rules/actions';
import { agendaTimes } from '../rules/agenda';
import { formatShortUkDate, formatUkDate } from '../rules/dates';
import { QuorumFailure } from '../result';
import { personName, personNames, personWithOrganisation } from '../rules/people';
import { part2ItemOf, publicTitleOf, titleIn } from '../rules/confidential';
import { conflictFlags, conflictWords } from '../rules/conflicts';
import { compareCodes } from '../rules/textOrder';

/**
 * What goes into a pack, worked out from the records before any Word is written. The public
 * variant is filtered here, at the source: a Part 2 item contributes its number, title and
 * Schedule 12A paragraph, and nothing else reaches the public model.
 */
export const PACK_VARIANTS = ['public', 'full'] as const;
export { meetingItems, numberedAgenda };
export type PackVariant = (typeof PACK_VARIANTS)[number];

export type CoverSheet = NonNullable<AgendaItem['paper']>['coverSheet'];

export type AgendaLine = {
  agendaItemId: AgendaItem['id'];
  number: number;
  start: string;
  title: string;
  presenters: string;
  purpose: AgendaItem['purpose'];
  paperRef: string;
  part2?: { paragraph: number };
};

export type PaperSection = {
  agendaItemId: AgendaItem['id'];
  number: number;
  title: string;
  purpose: AgendaItem['purpose'];
  presenters: string;
  state: 'received' | 'to-follow';
  coverSheet: CoverSheet;
  body: string;
  part2?: { paragraph: number; reason: string };
};

export type MinutesItem = {
  number: number;
  title: string;
  minutes: string;
  resolutions: string[];
  actions: { text: string; owner: string; due: string }[];
  /** Public pack only: the item was taken in Part 2, so only this notice is shown. */
  exempt?: { paragraph: number };
};

export type LastMinutes = {
  meetingId: Meeting['id'];
  date: string;
  startTime: string;
  venue: string;
  approved: boolean;
  present: string[];
  substitutes: string[];
  inAttendance: string[];
  apologies: string[];
  declarations: string[];
  items: MinutesItem[];
  /** In a pack: the actions raised at that meeting and where they stand now, for "matters arising". */
  mattersArising?: { number: number; text: string; owner: string; due: string; rag: ActionRag }[];
};

export type ActionLogRow = {
  ref: string;
  text: string;
  owner: string;
  raisedAt: string;
  due: string;
  status: Action['status'];
  rag: ActionRag;
  latestUpdate: string;
};

export type DeepDiveBriefing = {
  theme: string;
  lead: string;
  presenters: string;
  whyNow: string;
  linesOfEnquiry: string[];
  evidence: { description: string; kind: string; providedBy: string; due: string }[];
  agendaNumber?: number;
  /** The agenda item it is printed with. */
  agendaItemId?: AgendaItem['id'];
};

export type ForwardPlanMeeting = { date: string; items: { title: string; kind: string; author: string; keyDecision: boolean }[] };

export type PackModel = {
  variant: PackVariant;
  builtOn: string;
  partnership: Pick<Partnership, 'name' | 'logo' | 'colours' | 'contact'>;
  board: Pick<Board, 'id' | 'name' | 'shortName' | 'rules'>;
  meeting: Pick<Meeting, 'id' | 'date' | 'startTime' | 'endTime' | 'venue'>;
  title: string;
  /** What the pack is, as its contents page's running header names it: "Public pack", "Full pack". */
  packLabel: string;
  agenda: AgendaLine[];
  apologies: string[];
  substitutes: string[];
  declarations: string[];
  lastMinutes?: LastMinutes;
  actionLog: ActionLogRow[];
  /** Actions from Part 2 items left out of the public action log (a count only). */
  exemptActionsOmitted: number;
  papers: PaperSection[];
  deepDives: DeepDiveBriefing[];
  forwardPlan: ForwardPlanMeeting[];
  unscheduledForwardPlan: ForwardPlanMeeting['items'];
  nextMeeting?: Pick<Meeting, 'date' | 'startTime' | 'venue'>;
  part2Notices: { number: number; title: string; paragraph: number }[];
  /** Full pack only. */
  part2Papers: PaperSection[];
  /**
   * A member's own pack (the full pack, for one member): the items they may have an interest in,
   * from the register (shared/rules/conflicts.ts), and the Part 2 papers the board's conflicts
   * policy does not send them.
   */
  recipient?: { personId: string; name: string; interests: string[]; withheld: { number: number; title: string }[] };
  /** A supplement: the pack it adds to, and each paper's reason for coming late (shared/pack/supplement.ts). */
  supplement?: {
    of: { id: string; fileName: string; builtAt: string };
    items: { agendaItemId: string; number: number; title: string; kind: 'late' | 'replaced'; lateReason: string; urgency?: string }[];
  };
};

const names = personNames;
const withOrg = personWithOrganisation;

const FORWARD_PLAN_MEETINGS = 3;

export const PURPOSE_LABEL: Record<AgendaItem['purpose'], string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  noting: 'For noting',
  information: 'For information',
};

const paperSection = (data: StoreData, item: AgendaItem, number: number): PaperSection | undefined => {
  const paper = item.paper;
  if (!paper || paper.status === 'not-needed') return undefined;
  const received = paper.status === 'received' && paper.body.trim().length > 0;
  return {
    agendaItemId: item.id,
    number,
    title: item.title,
    purpose: item.purpose,
    presenters: names(data, item.presenterIds),
    state: received ? 'received' : 'to-follow',
    coverSheet: paper.coverSheet,
    body: received ? paper.body : '',
    ...(item.part2 ? { part2: { paragraph: item.part2.paragraph, reason: item.part2.reason } } : {}),
  };
};

/** The board's meeting before this one that has been held: its minutes go into this pack. */
export const previousHeldMeeting = (data: StoreData, meeting: Meeting): Meeting | undefined =>
  boardMeetings(data, meeting.boardId)
    .filter((m) => compareCodes(m.date + m.startTime, meeting.date + meeting.startTime) < 0)
    .filter((m) => m.status === 'held' || m.status === 'minutes-approved')
    .at(-1);

const lastMinutes = (data: StoreData, meeting: Meeting, variant: PackVariant, today: string): LastMinutes | undefined => {
  const previous = previousHeldMeeting(data, meeting);
  if (!previous) return undefined;
  const minutes = meetingMinutes(data, previous, variant);
  const shownItems = new Map(minutes.items.filter((i) => !i.exempt).map((i) => [i.number, i]));
  const numbers = new Map(numberedAgenda(meetingItems(data, previous.id)).map(({ item, number }) => [item.id, number]));
  const mattersArising = listRecords(data, 'action')
    .filter((a) => a.meetingId === previous.id && a.agendaItemId && shownItems.has(numbers.get(a.agendaItemId) ?? -1))
    .map((a) => ({ number: numbers.get(a.agendaItemId!)!, text: a.text, owner: personName(data, a.ownerPersonId), due: formatShortUkDate(a.dueDate), rag: actionRag(a, today) }))
    .sort((a, b) => a.number - b.number);
  return { ...minutes, mattersArising };
};

/** A meeting's minutes as published: attendance, declarations, and each item's minute, resolutions and actions. */
export const meetingMinutes = (data: StoreData, previous: Meeting, variant: PackVariant): LastMinutes => {
  const attendance = recordsWhere(data, 'attendance', 'meetingId', previous.id);
  const items = numberedAgenda(meetingItems(data, previous.id));
  const exemptIds = new Set(items.filter(({ item }) => item.part2).map(({ item }) => item.id));
  const resolutions = recordsWhere(data, 'resolution', 'meetingId', previous.id);
  const actions = recordsWhere(data, 'action', 'meetingId', previous.id);
  return {
    meetingId: previous.id,
    date: previous.date,
    startTime: previous.startTime,
    venue: previous.venue,
    approved: previous.status === 'minutes-approved',
    present: attendance.filter((a) => a.status === 'present' && !a.inPlaceOfPersonId).map((a) => withOrg(data, a.personId)),
    substitutes: attendance
      .filter((a) => a.status === 'present' && a.inPlaceOfPersonId)
      .map((a) => `${withOrg(data, a.personId)}, attended in place of ${personName(data, a.inPlaceOfPersonId)}`),
    inAttendance: attendance.filter((a) => a.status === 'in-attendance').map((a) => withOrg(data, a.personId)),
    apologies: attendance.filter((a) => a.status === 'apologies').map((a) => withOrg(data, a.personId)),
    declarations: listRecords(data, 'declaration')
      .filter((d) => d.meetingId === previous.id && !(variant === 'public' && d.agendaItemId && exemptIds.has(d.agendaItemId)))
      .map((d) => {
        const on = d.agendaItemId ? items.find(({ item }) => item.id === d.agendaItemId)?.number : undefined;
        return `${personName(data, d.personId)}${on ? ` (item ${on})` : ''}: ${d.interest}`;
      }),
    items: items.map(({ item, number }) => {
      if (variant === 'public' && item.part2)
        return { number, title: publicTitleOf(item), minutes: '', resolutions: [], actions: [], exempt: { paragraph: item.part2.paragraph } };
      return {
        number,
        title: item.title,
        minutes: item.minutes,
        resolutions: resolutions.filter((r) => r.agendaItemId === item.id).sort((a, b) => a.number - b.number).map((r) => r.text),
        actions: actions
          .filter((a) => a.agendaItemId === item.id)
          .map((a) => ({ text: a.text, owner: personName(data, a.ownerPersonId), due: formatUkDate(a.dueDate) })),
      };
    }),
  };
};

/** Every open action of the board, plus those closed since its last meeting (docs/ARCHITECTURE.md, the board pack). */
export const boardActionLog = (data: StoreData, meeting: Pick<Meeting, 'boardId'>, since: string | undefined, today: string, variant: PackVariant) => {
  const exemptItems = new Set(listRecords(data, 'agendaItem').filter((i) => i.part2).map((i) => i.id));
  const relevant = recordsWhere(data, 'action', 'boardId', meeting.boardId)
    .filter((a) => a.status !== 'done' || !since || (a.closedOn ?? '') >= since)
    .sort((a, b) => compareCodes(a.dueDate, b.dueDate) || compareCodes(a.id, b.id));
  const isExempt = (a: Action) => Boolean(a.agendaItemId && exemptItems.has(a.agendaItemId));
  const shown = variant === 'public' ? relevant.filter((a) => !isExempt(a)) : relevant;
  const updates = listRecords(data, 'actionUpdate');
  const rows: ActionLogRow[] = shown.map((a, i) => {
    const origin = a.meetingId ? findRecord(data, 'meeting', a.meetingId) : undefined;
    const latest = updates.filter((u) => u.actionId === a.id).sort((x, y) => compareCodes(y.madeAt, x.madeAt))[0];
    return {
      ref: `A${i + 1}`,
      text: a.text,
      owner: personName(data, a.ownerPersonId),
      raisedAt: origin ? formatShortUkDate(origin.date) : '',
      due: formatShortUkDate(a.dueDate),
      status: a.status,
      rag: actionRag(a, today),
      latestUpdate: latest ? latest.text : '',
    };
  });
  return { rows, omitted: relevant.length - shown.length };
};

const briefing = (data: StoreData, d: DeepDive, agendaNumber?: number): DeepDiveBriefing => ({
  theme: d.theme,
  lead: d.leadPersonId ? withOrg(data, d.leadPersonId) : '',
  presenters: names(data, d.presenterIds),
  whyNow: d.whyNow,
  linesOfEnquiry: d.linesOfEnquiry,
  evidence: d.evidence.map((e) => ({ description: e.description, kind: e.kind, providedBy: e.providedBy, due: e.due ? formatUkDate(e.due) : '' })),
  ...(agendaNumber ? { agendaNumber } : {}),
});

export const FORWARD_PLAN_KIND_LABEL = { decision: 'Decision', assurance: 'Assurance', information: 'Information', 'deep-dive': 'Deep dive', standing: 'Standing item' } as const;

export const assemblePack = (data: StoreData, meetingId: string, variant: PackVariant, today: string, opts: { forPersonId?: string } = {}): PackModel => {
  const meeting = findRecord(data, 'meeting', meetingId);
  if (!meeting) throw new QuorumFailure('not-found', `There is no meeting with id ${meetingId}`);
  const board = getRecord(data, 'board', meeting.boardId);
  const recipient = opts.forPersonId ? memberCopy(data, meeting, board, variant, opts.forPersonId) : undefined;
  const partnership = listRecords(data, 'partnership')[0];
  if (!partnership) throw new QuorumFailure('store-unavailable', 'This data folder has no partnership yet');
  const numbered = numberedAgenda(meetingItems(data, meeting.id));
  const open = numbered.filter(({ item }) => !item.part2);
  const closed = numbered.filter(({ item }) => item.part2);
  const timed = new Map(agendaTimes(numbered.map((n) => n.item), meeting.startTime).map((t) => [t.item.id, t.start]));
  const papers = new Map(numbered.map(({ item, number }) => [item.id, paperSection(data, item, number)]));
  const paperRef = (item: AgendaItem, number: number) => {
    const p = papers.get(item.id);
    if (p) return p.state === 'received' ? `Paper ${number}` : `Paper ${number} to follow`;
    return item.standing ? '' : 'Verbal';
  };
  const agenda: AgendaLine[] = numbered.map(({ item, number }) =>
    variant === 'public' && item.part2
      ? { agendaItemId: item.id, number, start: timed.get(item.id) ?? '', title: publicTitleOf(item), presenters: '', purpose: item.purpose, paperRef: 'Exempt', part2: { paragraph: item.part2.paragraph } }
      : {
          agendaItemId: item.id,
          number,
          start: timed.get(item.id) ?? '',
          title: item.title,
          presenters: names(data, item.presenterIds),
          purpose: item.purpose,
          paperRef: recipient?.withheldIds.has(item.id) ? 'Not sent to you: see the cover' : paperRef(item, number),
          ...(item.part2 ? { part2: { paragraph: item.part2.paragraph } } : {}),
        },
  );
  const attendance = recordsWhere(data, 'attendance', 'meetingId', meeting.id);
  const exemptIds = new Set(closed.map(({ item }) => item.id));
  const previous = lastMinutes(data, meeting, variant, today);
  const log = boardActionLog(data, meeting, previous?.date, today, variant);
  const deepDives = recordsWhere(data, 'deepDive', 'meetingId', meeting.id)
    .map((d) => ({ d, item: numbered.find(({ item }) => item.deepDiveId === d.id) }))
    // A briefing prints with its agenda item, never as a page no agenda item lists.
    .filter((x): x is { d: DeepDive; item: NonNullable<typeof x.item> } => Boolean(x.item) && !(variant === 'public' && x.item!.item.part2) && !recipient?.withheldIds.has(x.item!.item.id))
    .map(({ d, item }) => ({ ...briefing(data, d, item.number), agendaItemId: item.item.id }));
  const later = boardMeetings(data, meeting.boardId).filter((m) => compareCodes(m.date + m.startTime, meeting.date + meeting.startTime) > 0);
  const plan = listRecords(data, 'forwardPlanItem').filter((f) => f.boardId === meeting.boardId && f.status !== 'deferred');
  // A plan entry behind a Part 2 item goes by that item's public title in the public pack.
  const planTitle = (f: (typeof plan)[number]) => {
    const exempt = variant === 'public' ? part2ItemOf(data, { forwardPlanItemId: f.id }) : undefined;
    return exempt ? publicTitleOf(exempt) : f.title;
  };
  const planLine = (f: (typeof plan)[number]) => ({ title: planTitle(f), kind: FORWARD_PLAN_KIND_LABEL[f.kind], author: personName(data, f.authorPersonId), keyDecision: f.keyDecision });
  const variantLabel = variant === 'public' ? 'Public pack' : recipient ? `Full pack for ${recipient.copy.name}` : 'Full pack';
  return {
    variant,
    builtOn: today,
    partnership: { name: partnership.name, logo: partnership.logo, colours: partnership.colours, contact: partnership.contact },
    board: { id: board.id, name: board.name, shortName: board.shortName, rules: board.rules },
    meeting: { id: meeting.id, date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, venue: meeting.venue },
    title: `${board.name}, ${formatUkDate(meeting.date)}: ${variantLabel}`,
    packLabel: variantLabel,
    agenda,
    apologies: attendance.filter((a) => a.status === 'apologies').map((a) => withOrg(data, a.personId)),
    substitutes: attendance
      .filter((a) => a.status === 'present' && a.inPlaceOfPersonId)
      .map((a) => `${withOrg(data, a.personId)}, attended in place of ${personName(data, a.inPlaceOfPersonId)}`),
    declarations: listRecords(data, 'declaration')
      .filter((d) => d.meetingId === meeting.id && !(variant === 'public' && d.agendaItemId && exemptIds.has(d.agendaItemId)))
      .map((d) => `${personName(data, d.personId)}: ${d.interest}`),
    ...(previous ? { lastMinutes: previous } : {}),
    actionLog: log.rows,
    exemptActionsOmitted: log.omitted,
    papers: open.map(({ item }) => papers.get(item.id)).filter((p): p is PaperSection => Boolean(p)),
    deepDives,
    forwardPlan: later.slice(0, FORWARD_PLAN_MEETINGS).map((m) => ({ date: m.date, items: plan.filter((f) => f.meetingId === m.id).map(planLine) })),
    unscheduledForwardPlan: plan.filter((f) => !f.meetingId).map(planLine),
    ...(later[0] ? { nextMeeting: { date: later[0].date, startTime: later[0].startTime, venue: later[0].venue } } : {}),
    part2Notices: closed.map(({ item, number }) => ({ number, title: titleIn(item, variant), paragraph: item.part2!.paragraph })),
    part2Papers:
      variant === 'full'
        ? closed.filter(({ item }) => !recipient?.withheldIds.has(item.id)).map(({ item }) => papers.get(item.id)).filter((p): p is PaperSection => Boolean(p))
        : [],
    ...(recipient ? { recipient: recipient.copy } : {}),
  };
};

/**
 * One member's copy of the full pack: what the register says they may have an interest in, and,
 * where the board's policy withholds them, the Part 2 papers of those items (docs/ARCHITECTURE.md,
 * the register of interests).
 */
const memberCopy = (data: StoreData, meeting: Meeting, board: Board, variant: PackVariant, personId: string) => {
  if (variant !== 'full') throw new QuorumFailure('invalid-input', 'A member’s own pack is their copy of the full pack: build the public pack for everyone.');
  const person = findRecord(data, 'person', personId);
  if (!person) throw new QuorumFailure('not-found', 'That person is not in the directory');
  const flags = conflictFlags(data, meeting.id, { personId: person.id });
  const withheld = board.conflictPolicy === 'withhold' ? flags.filter((f) => f.part2) : [];
  const withheldIds = new Set<string>(withheld.map((f) => f.agendaItemId));
  return {
    withheldIds,
    copy: { personId: person.id, name: person.name, interests: flags.map(conflictWords), withheld: [...new Map(withheld.map((f) => [f.agendaItemId, { number: f.number, title: f.title }])).values()] },
  };
};
