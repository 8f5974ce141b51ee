import type { Board, Protocol, ProtocolVersion } from '../schema/records';
import type { RecordId } from '../schema/common';
import { findRecord, getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { compareCodes, compareEnglish } from './textOrder';

/** A protocol's versions, oldest first. */
export const versionsOfProtocol = (data: StoreData, protocolId: string) => recordsWhere(data, 'protocolVersion', 'protocolId', protocolId).sort((a, b) => a.version - b.version);

export type CommentView = {
  id: RecordId<'protocolComment'>;
  sectionKey: string;
  /** "Section 3: Reporting", or "The protocol as a whole". */
  where: string;
  author: string;
  organisationId: RecordId<'organisation'>;
  organisation: string;
  text: string;
  madeAt: string;
  response: null | { outcome: 'accepted' | 'declined'; response: string; respondedAt: string };
};

export type VersionView = Pick<ProtocolVersion, 'id' | 'rev' | 'version' | 'status' | 'changeSummary' | 'sections'> & {
  signOffs: { id: RecordId<'signOff'>; boardId: Board['id']; board: string; date: string; meetingDate: string | null; minuteRef: string }[];
  circulations: { sentTo: string; sentOn: string }[];
  comments: CommentView[];
  /** Comments on earlier versions still without an answer, by version. */
  carriedOver: { version: number; comments: CommentView[] }[];
};

export type ProtocolView = {
  protocol: Pick<Protocol, 'id' | 'rev' | 'title' | 'partyBoardIds' | 'reviewDate'>;
  parties: { id: Board['id']; name: string; shortName: string; meetings: { id: RecordId<'meeting'>; date: string }[] }[];
  /** Newest first. */
  versions: VersionView[];
  /** The version the tracked-changes export compares against. */
  lastAgreedId: RecordId<'protocolVersion'> | null;
  organisations: { id: RecordId<'organisation'>; name: string }[];
  people: { name: string; organisationId: RecordId<'organisation'> }[];
};

export const protocolView = (data: StoreData, protocolId: string): ProtocolView => {
  const protocol = getRecord(data, 'protocol', protocolId);
  const responses = listRecords(data, 'commentResponse');
  const orgName = (id: string) => findRecord(data, 'organisation', id)?.name ?? '';
  const versions = versionsOfProtocol(data, protocol.id);
  const commentsOf = (v: ProtocolVersion): CommentView[] =>
    recordsWhere(data, 'protocolComment', 'protocolVersionId', v.id)
        .sort((a, b) => compareCodes(a.madeAt, b.madeAt))
        .map((c) => {
          const section = v.sections.find((s) => s.key === c.sectionKey);
          const r = responses.find((x) => x.commentId === c.id);
          return {
            id: c.id,
            sectionKey: c.sectionKey,
            where: section ? `Section ${section.number}: ${section.heading}` : 'The protocol as a whole',
            author: c.author,
            organisationId: c.organisationId,
            organisation: orgName(c.organisationId),
            text: c.text,
            madeAt: c.madeAt,
            response: r ? { outcome: r.outcome, response: r.response, respondedAt: r.respondedAt } : null,
          };
        });
  return {
    protocol: { id: protocol.id, rev: protocol.rev, title: protocol.title, partyBoardIds: protocol.partyBoardIds, reviewDate: protocol.reviewDate },
    parties: protocol.partyBoardIds.map((id) => {
      const b = getRecord(data, 'board', id);
      const meetings = recordsWhere(data, 'meeting', 'boardId', id)
        .sort((x, y) => compareCodes(x.date, y.date))
        .map((m) => ({ id: m.id, date: m.date }));
      return { id: b.id, name: b.name, shortName: b.shortName, meetings };
    }),
    versions: [...versions].reverse().map((v) => ({
      id: v.id,
      rev: v.rev,
      version: v.version,
      status: v.status,
      changeSummary: v.changeSummary,
      sections: v.sections,
      signOffs: recordsWhere(data, 'signOff', 'protocolVersionId', v.id)
        .sort((a, b) => compareCodes(a.date, b.date))
        .map((s) => ({ id: s.id, boardId: s.boardId, board: findRecord(data, 'board', s.boardId)?.shortName ?? '', date: s.date, meetingDate: (s.meetingId && findRecord(data, 'meeting', s.meetingId)?.date) || null, minuteRef: s.minuteRef })),
      circulations: recordsWhere(data, 'circulation', 'protocolVersionId', v.id)
        .sort((a, b) => compareCodes(a.sentOn, b.sentOn))
        .map((c) => ({ sentTo: c.sentTo, sentOn: c.sentOn })),
      comments: commentsOf(v),
      // Partner comments left unanswered on earlier versions stay in view until they are answered.
      carriedOver: versions
        .filter((earlier) => earlier.version < v.version)
        .map((earlier) => ({ version: earlier.version, comments: commentsOf(earlier).filter((c) => !c.response) }))
        .filter((x) => x.comments.length > 0),
    })),
    lastAgreedId: [...versions].reverse().find((v) => v.status === 'agreed' || v.status === 'superseded')?.id ?? null,
    organisations: listRecords(data, 'organisation')
      .filter((o) => !o.retiredOn)
      .map((o) => ({ id: o.id, name: o.name }))
      .sort((a, b) => compareEnglish(a.name, b.name)),
    people: listRecords(data, 'person').filter((p) => !p.retiredOn).map((p) => ({ name: p.name, organisationId: p.organisationId })),
  };
};

export type ProtocolSummaryLine = { id: Protocol['id']; title: string; version: number; status: ProtocolVersion['status']; reviewDate: string };
export const protocolList = (data: StoreData): ProtocolSummaryLine[] =>
  listRecords(data, 'protocol').map((p) => {
    const latest = versionsOfProtocol(data, p.id).at(-1);
    return { id: p.id, title: p.title, version: latest?.version ?? 0, status: latest?.status ?? 'draft', reviewDate: p.reviewDate };
  });

/** The closing line of every protocol export (exports/governance.ts): read back, never part of a section. */
export const PROTOCOL_CLOSING = 'End of the protocol.';
