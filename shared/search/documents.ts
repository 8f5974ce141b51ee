import type { StoreData } from '../data';
import type { QRecord } from '../schema/records';
import { EXEMPT_TEXT, joinRecord, placeRecord } from '../team/placement';
import { SEARCH_KINDS, type SearchKind } from '../views';

/**
 * Search (docs/ARCHITECTURE.md, search): what each record says, as the documents an index holds.
 * Permission-aware by construction: a record's Part 1 document is made from its open form, the
 * form the board database holds (`placeRecord`: every exempt field replaced by its public title or
 * a placeholder), so Part 2 words cannot reach it whatever a kind of record forgets; the words of
 * its Part 2 text go in a separate Part 2 document, which only an index for officers cleared for
 * exempt business (LGA 1972 s.100A(4)) ever holds.
 */

export { SEARCH_KINDS, type SearchKind };

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  paper: 'Agenda items and papers',
  minutes: 'Minutes',
  resolution: 'Resolutions',
  action: 'Actions and updates',
  decision: 'Decisions between meetings',
  tor: 'Terms of reference',
  protocol: 'Protocols',
  comment: 'Protocol comments',
  deepDive: 'Deep dives',
  plan: 'Forward plan',
  person: 'People',
  organisation: 'Organisations',
};

export type SearchDoc = {
  /** `${recordId}` for Part 1, `${recordId}#2` for the Part 2 text of the same record. */
  id: string;
  recordId: string;
  kind: SearchKind;
  part: 1 | 2;
  boardId?: string;
  meetingId?: string;
  /** The date it belongs to (the meeting's, the update's, the version's approval), for the year filter and the results. */
  date?: string;
  title: string;
  text: string;
  /** On the public website too (`quorum publish`): what `--public` and the website's own search find. */
  published: boolean;
};

type Drafted = Omit<SearchDoc, 'id' | 'recordId' | 'part' | 'published'> & { published?: boolean };

const join = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => Boolean(p && p.trim() && p !== EXEMPT_TEXT)).join('\n');

/** How a document reads the records it names: their open forms for Part 1, as they are for Part 2. */
type Lookup = (id: string | undefined) => QRecord | undefined;

const meetingOf = (look: Lookup, id: string | undefined) => {
  const m = look(id);
  return m?.type === 'meeting' ? m : undefined;
};

/** The document a record reads as, or none for records with nothing to find (attendance, pack builds, the journal). */
const draft = (look: Lookup, r: QRecord): Drafted | undefined => {
  switch (r.type) {
    case 'agendaItem': {
      const m = meetingOf(look, r.meetingId);
      const base = { boardId: m?.boardId, meetingId: r.meetingId, date: m?.date };
      const c = r.paper?.coverSheet;
      // The paper (with its cover sheet) and the minute are found apart: "the minutes of …" and "the paper on …".
      const shown = Boolean(m && m.status !== 'cancelled' && r.paper?.status === 'received' && !r.part2);
      return { kind: 'paper', ...base, published: shown, title: r.title, text: join(c?.reportOf, c?.author, c?.executiveSummary, ...(c?.recommendations ?? []), ...Object.values(c?.implications ?? {}), c?.backgroundPapers, r.paper?.body, r.part2?.reason) };
    }
    case 'resolution': {
      const m = meetingOf(look, r.meetingId);
      const item = look(r.agendaItemId);
      const held = m?.status === 'held' || m?.status === 'minutes-approved';
      return { kind: 'resolution', boardId: m?.boardId, meetingId: r.meetingId, date: m?.date, published: held && item?.type === 'agendaItem' && !item.part2, title: item?.type === 'agendaItem' ? item.title : `Resolution ${r.number}`, text: r.text };
    }
    case 'action': {
      const m = meetingOf(look, r.meetingId);
      const item = look(r.agendaItemId);
      return { kind: 'action', boardId: r.boardId, meetingId: r.meetingId, date: m?.date ?? r.dueDate, published: !(item?.type === 'agendaItem' && item.part2), title: r.text.slice(0, 120), text: r.text };
    }
    case 'actionUpdate': {
      const a = look(r.actionId);
      if (a?.type !== 'action') return undefined;
      const item = look(a.agendaItemId);
      return { kind: 'action', boardId: a.boardId, meetingId: a.meetingId, date: r.madeAt.slice(0, 10), published: !(item?.type === 'agendaItem' && item.part2), title: a.text.slice(0, 120), text: r.text };
    }
    case 'decision':
      return { kind: 'decision', boardId: r.boardId, published: !r.part2, date: r.urgent?.takenOn ?? r.written?.closesOn, title: r.title, text: join(r.text, r.urgent?.reasons, r.written?.outcome?.summary) };
    case 'tor':
      return { kind: 'tor', boardId: r.boardId, date: r.approval?.date, title: `Terms of reference, version ${r.version}`, text: join(r.purpose, r.responsibilities, ...r.permissions, r.quorum.text) };
    case 'protocolVersion': {
      const p = look(r.protocolId);
      return { kind: 'protocol', title: `${p?.type === 'protocol' ? p.title : 'Protocol'}, version ${r.version}`, text: join(r.changeSummary, ...r.sections.flatMap((s) => [`${s.number} ${s.heading}`, s.body])) };
    }
    case 'protocolComment':
      return { kind: 'comment', date: r.madeAt.slice(0, 10), title: `Comment by ${r.author}`, text: r.text };
    case 'commentResponse':
      return { kind: 'comment', date: r.respondedAt.slice(0, 10), title: `Response (${r.outcome})`, text: r.response };
    case 'deepDive':
      return { kind: 'deepDive', boardId: r.boardId, meetingId: r.meetingId, date: meetingOf(look, r.meetingId)?.date, title: r.theme, text: join(r.whyNow, ...r.linesOfEnquiry, ...r.evidence.map((e) => e.description), r.outcomes, ...r.recommendations) };
    case 'forwardPlanItem':
      return { kind: 'plan', boardId: r.boardId, meetingId: r.meetingId, date: meetingOf(look, r.meetingId)?.date, published: true, title: r.title, text: join(r.origin, r.deferredReason) };
    case 'person': {
      const o = look(r.organisationId);
      return { kind: 'person', title: r.name, text: join(r.jobTitle, o?.type === 'organisation' ? o.name : '') };
    }
    case 'organisation':
      return { kind: 'organisation', title: r.name, text: '' };
    default:
      return undefined;
  }
};

/** The minutes of an item, as their own document (an item's minute is written after its paper). */
const minutesDraft = (look: Lookup, r: QRecord): Drafted | undefined => {
  if (r.type !== 'agendaItem' || !r.minutes?.trim() || r.minutes === EXEMPT_TEXT) return undefined;
  const m = meetingOf(look, r.meetingId);
  return { kind: 'minutes', boardId: m?.boardId, meetingId: r.meetingId, date: m?.date, published: m?.status === 'minutes-approved' && !r.part2, title: r.title, text: r.minutes };
};

/**
 * The documents of one record: its Part 1 document from the open form, and, when it has exempt
 * text, a Part 2 document with the whole of it (what a cleared officer reads).
 */
export const documentsOf = (data: StoreData, record: QRecord): SearchDoc[] => {
  const placed = placeRecord(data, record);
  const out: SearchDoc[] = [];
  const asIs: Lookup = (id) => (id ? data.records[id] : undefined);
  // A Part 1 document names other records by their open forms too: a resolution by its item's public title.
  const open: Lookup = (id) => {
    const r = asIs(id);
    return r && placeRecord(data, r).open;
  };
  const add = (d: Drafted | undefined, part: 1 | 2, suffix: string) => {
    if (!d || !(d.title.trim() || d.text.trim())) return;
    // Part 2 text is never published, whatever its kind.
    out.push({ ...d, id: `${record.id}${suffix}${part === 2 ? '#2' : ''}`, recordId: record.id, part, published: part === 1 && Boolean(d.published) });
  };
  add(draft(open, placed.open), 1, '');
  add(minutesDraft(open, placed.open), 1, '#minutes');
  if (placed.exempt) {
    const whole = joinRecord(placed.open, placed.exempt);
    add(draft(asIs, whole), 2, '');
    add(minutesDraft(asIs, whole), 2, '#minutes');
  }
  return out;
};

/** Every document of the store, Part 1 and Part 2 apart. */
export const allDocuments = (data: StoreData): SearchDoc[] => Object.values(data.records).flatMap((r) => documentsOf(data, r));
