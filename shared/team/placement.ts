import type { StoreData } from '../data';
import { recordsWhere } from '../data';
import type { AgendaItem, QRecord } from '../schema/records';
import type { Audience } from './audiences';

/**
 * Where each record lives in team mode, and which of its words are exempt (Part 2). Partners read
 * the protocols sent to them and the written resolutions they vote on. A Part 2
 * item's exempt text — and the text of its decisions, actions, declarations, deep dive, plan entry,
 * later corrections and full pack history — is held only in the Part 2 database; the board
 * database keeps the record with that text replaced (the public title, the Schedule 12A
 * paragraph, and a placeholder that still satisfies the record's schema). Pure: the store, the
 * tests and the property that no Part 2 text reaches the board database all use it.
 */

/** What an officer without Part 2 clearance reads in place of exempt text. */
export const EXEMPT_TEXT = 'Exempt information (Part 2)';

/** A path to one field inside a record (`['paper', 'coverSheet', 'author']`, `['corrections', 0, 'change']`). */
export type FieldPath = readonly (string | number)[];
/** The exempt fields of one record, keyed by their path joined with dots, with their real values. */
export type ExemptPatch = Record<string, unknown>;

/** Shared with partners as well as officers: the names a protocol mentions, never a person's details. */
export const DIRECTORY_TYPES = new Set(['partnership', 'organisation', 'board']);

/** A version is sent to partners once it leaves draft (out to consultation, then agreed). */
const versionSent = (data: StoreData, versionId: string): boolean => {
  const v = data.records[versionId];
  return v?.type === 'protocolVersion' && v.status !== 'draft';
};

/**
 * The database a record's document is written to (its Part 2 text aside). Partners see a protocol
 * from when a version of it is sent to them, with that version's comments, responses, sign-offs
 * and circulation; drafts stay with the officers.
 */
export const homeOf = (data: StoreData, record: QRecord): Exclude<Audience, 'part2'> => {
  const sent = (() => {
    switch (record.type) {
      case 'protocol':
        return recordsWhere(data, 'protocolVersion', 'protocolId', record.id).some((v) => v.status !== 'draft');
      case 'protocolVersion':
        return record.status !== 'draft';
      case 'protocolComment':
      case 'signOff':
      case 'circulation':
        return versionSent(data, record.protocolVersionId);
      case 'commentResponse': {
        const c = data.records[record.commentId];
        return c?.type === 'protocolComment' && versionSent(data, c.protocolVersionId);
      }
      // A written resolution goes to the partners who vote on it, with their replies; never a Part 2 one.
      case 'decision':
        return Boolean(record.written) && !record.part2;
      case 'decisionReply': {
        const d = data.records[record.decisionId];
        return d?.type === 'decision' && Boolean(d.written) && !d.part2;
      }
      // A paper sent to its named clearer (Part 1 only), and the clearance they give on it themselves.
      case 'clearanceRequest':
        return true;
      case 'clearance':
        return Boolean(record.requestId);
      default:
        return false;
    }
  })();
  return sent ? 'partners' : 'board';
};

const itemOf = (data: StoreData, id: string | undefined): AgendaItem | undefined => {
  const r = id ? data.records[id] : undefined;
  return r?.type === 'agendaItem' ? r : undefined;
};

const COVER_TEXT: FieldPath[] = [
  ['paper', 'coverSheet', 'reportOf'],
  ['paper', 'coverSheet', 'author'],
  ['paper', 'coverSheet', 'authorContact'],
  ['paper', 'coverSheet', 'executiveSummary'],
  ['paper', 'coverSheet', 'recommendations'],
  ['paper', 'coverSheet', 'implications', 'finance'],
  ['paper', 'coverSheet', 'implications', 'legal'],
  ['paper', 'coverSheet', 'implications', 'equalities'],
  ['paper', 'coverSheet', 'implications', 'risk'],
  ['paper', 'coverSheet', 'backgroundPapers'],
  ['paper', 'body'],
];

/** The exempt fields of `record`, with what the board database shows instead where it is not a placeholder. */
export const exemptFields = (data: StoreData, record: QRecord): { path: FieldPath; shown?: string }[] => {
  switch (record.type) {
    case 'agendaItem': {
      if (!record.part2) return [];
      const publicTitle = record.part2.publicTitle?.trim();
      return [
        ...(publicTitle ? [{ path: ['title'], shown: publicTitle }] : []),
        { path: ['part2', 'reason'] },
        { path: ['minutes'] },
        ...(record.paper ? COVER_TEXT.map((path) => ({ path })) : []),
      ];
    }
    case 'resolution':
    case 'action':
      return itemOf(data, record.agendaItemId)?.part2 ? [{ path: ['text'] }] : [];
    case 'declaration':
      return itemOf(data, record.agendaItemId)?.part2 ? [{ path: ['interest'] }] : [];
    case 'actionUpdate': {
      const action = data.records[record.actionId];
      return action?.type === 'action' && itemOf(data, action.agendaItemId)?.part2 ? [{ path: ['text'] }] : [];
    }
    case 'deepDive': {
      // Its item's exemption, or the one it kept when taken off a Part 2 item (then its reason is exempt text too).
      const part2 = recordsWhere(data, 'agendaItem', 'deepDiveId', record.id).find((i) => i.part2)?.part2 ?? record.part2;
      if (!part2) return [];
      const publicTitle = part2.publicTitle?.trim();
      return [
        ...(publicTitle ? [{ path: ['theme'], shown: publicTitle }] : []),
        ...(record.part2 ? [{ path: ['part2', 'reason'] }] : []),
        { path: ['whyNow'] },
        { path: ['linesOfEnquiry'] },
        { path: ['evidence'] },
        { path: ['outcomes'] },
        { path: ['recommendations'] },
      ];
    }
    case 'forwardPlanItem': {
      const item = recordsWhere(data, 'agendaItem', 'forwardPlanItemId', record.id).find((i) => i.part2);
      if (!item) return [];
      const publicTitle = item.part2?.publicTitle?.trim();
      return [...(publicTitle ? [{ path: ['title'], shown: publicTitle }] : []), { path: ['origin'] }, { path: ['deferredReason'] }];
    }
    case 'meeting':
      return (record.corrections ?? []).flatMap((c, i) =>
        itemOf(data, c.agendaItemId)?.part2 ? [{ path: ['corrections', i, 'change'] }, { path: ['corrections', i, 'reason'] }] : [],
      );
    case 'decision': {
      if (!record.part2) return [];
      const publicTitle = record.part2.publicTitle?.trim();
      return [
        ...(publicTitle ? [{ path: ['title'], shown: publicTitle }] : []),
        { path: ['text'] },
        { path: ['part2', 'reason'] },
        ...(record.urgent ? [{ path: ['urgent', 'reasons'] }] : []),
        ...(record.written?.outcome ? [{ path: ['written', 'outcome', 'summary'] }] : []),
      ];
    }
    case 'decisionReply': {
      const d = data.records[record.decisionId];
      return d?.type === 'decision' && d.part2 && record.comment ? [{ path: ['comment'] }] : [];
    }
    // The words a Part 2 paper was cleared on, and the clearer's comment, are the paper's exempt text.
    // A clearance given on a paper sent to its clearer was given on Part 1 words the partners already hold.
    case 'clearance':
      return !record.requestId && itemOf(data, record.agendaItemId)?.part2 ? [{ path: ['cleared', 'text'] }, { path: ['comment'] }] : [];
    case 'packBuild':
      // The full pack's contents pages and override list name Part 2 items by their working titles.
      if (record.variant !== 'full') return [];
      return [
        ...(record.pages ? [{ path: ['pages'] }] : []),
        ...(record.override ? [{ path: ['override', 'reason'] }, { path: ['override', 'errors'] }] : []),
        ...(record.supplement?.items ?? []).flatMap((s, i) => [{ path: ['supplement', 'items', i, 'lateReason'] }, ...(s.urgency ? [{ path: ['supplement', 'items', i, 'urgency'] }] : [])]),
      ];
    default:
      return [];
  }
};

const keyOf = (path: FieldPath) => path.join('.');

const getAt = (value: unknown, path: FieldPath): unknown => {
  let v: unknown = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
};

/** A copy of `value` with `path` set (copying each object on the way), or `value` itself when the path is not there. */
const setAt = (value: unknown, path: FieldPath, next: unknown): unknown => {
  if (path.length === 0) return next;
  if (value === null || typeof value !== 'object') return value;
  const [k, ...rest] = path;
  const container = value as Record<string | number, unknown>;
  if (!(k in container)) return value;
  const copy: Record<string | number, unknown> = Array.isArray(value) ? [...value] as unknown as Record<number, unknown> : { ...container };
  copy[k] = setAt(container[k], rest, next);
  return copy;
};

const placeholderFor = (value: unknown, shown?: string): unknown => {
  if (shown !== undefined) return shown;
  if (Array.isArray(value)) return [];
  if (typeof value === 'string') return value === '' ? '' : EXEMPT_TEXT;
  return value;
};

export type Placement = {
  /** The database the record's document goes to. */
  home: Exclude<Audience, 'part2'>;
  /** The record as that database holds it: exempt text replaced. */
  open: QRecord;
  /** The exempt text, for the Part 2 database; absent when the record has none. */
  exempt?: ExemptPatch;
};

/** Splits a record into what its home database holds and the Part 2 text kept apart from it. */
export const placeRecord = (data: StoreData, record: QRecord): Placement => {
  const fields = exemptFields(data, record);
  if (fields.length === 0) return { home: homeOf(data, record), open: record };
  let open: unknown = record;
  const exempt: ExemptPatch = {};
  for (const { path, shown } of fields) {
    const value = getAt(record, path);
    if (value === undefined) continue;
    exempt[keyOf(path)] = value;
    open = setAt(open, path, placeholderFor(value, shown));
  }
  return { home: homeOf(data, record), open: open as QRecord, exempt };
};

/** The record a cleared officer works with: the open record with its Part 2 text put back. */
export const joinRecord = (open: QRecord, exempt: ExemptPatch | undefined): QRecord => {
  if (!exempt) return open;
  let joined: unknown = open;
  for (const [key, value] of Object.entries(exempt)) joined = setAt(joined, key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), value);
  return joined as QRecord;
};

/**
 * The records whose placement a change to `ids` may alter: moving an item into or out of Part 2
 * carries its decisions, actions and their updates, declarations, deep dive, plan entry and the
 * meeting's corrections with it.
 */
export const placementsTouched = (data: StoreData, ids: Iterable<string>): Set<string> => {
  const out = new Set<string>();
  for (const id of ids) {
    out.add(id);
    const r = data.records[id];
    // Sending a version to partners (or a first draft's protocol) moves it and all that hangs on it.
    if (r?.type === 'protocolVersion') {
      out.add(r.protocolId);
      for (const t of ['protocolComment', 'signOff', 'circulation'] as const) for (const x of recordsWhere(data, t, 'protocolVersionId', r.id)) out.add(x.id);
      for (const c of recordsWhere(data, 'protocolComment', 'protocolVersionId', r.id)) for (const x of recordsWhere(data, 'commentResponse', 'commentId', c.id)) out.add(x.id);
    }
    if (r?.type !== 'agendaItem') continue;
    out.add(r.meetingId);
    if (r.deepDiveId) out.add(r.deepDiveId);
    if (r.forwardPlanItemId) out.add(r.forwardPlanItemId);
    for (const t of ['resolution', 'declaration'] as const) for (const x of recordsWhere(data, t, 'agendaItemId', r.id)) out.add(x.id);
    for (const a of recordsWhere(data, 'action', 'agendaItemId', r.id)) {
      out.add(a.id);
      for (const u of recordsWhere(data, 'actionUpdate', 'actionId', a.id)) out.add(u.id);
    }
  }
  return out;
};
