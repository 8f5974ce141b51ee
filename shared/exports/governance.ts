import { quorumInWords } from '../rules/quorumWords';
import { getRecord, listRecords, recordsWhere, type StoreData } from '../data';
import { dataTable, factTable, heading, markdown, notice, para } from '../pack/docx/blocks';
import type { Block } from '../pack/markdown/blocks';
import { QuorumFailure } from '../result';
import { formatUkDate } from '../rules/dates';
import { PROTOCOL_CLOSING, versionsOfProtocol } from '../rules/protocolView';
import { exportBytes, exportContext, type ExportContext, type ExportSpec } from './document';
import { trackedBody, trackedHeading } from './trackedBlocks';

const house = (data: StoreData) => {
  const p = listRecords(data, 'partnership')[0];
  return { author: p?.name ?? '', primaryColour: p?.colours.primary ?? '#1F4E79' };
};

/** A board's terms of reference as a Word document: the sections boards publish, with the approval. */
const torSpec = (data: StoreData, torId: string, ctx: ExportContext): ExportSpec => {
  const tor = getRecord(data, 'tor', torId);
  const board = getRecord(data, 'board', tor.boardId);
  const name = (id?: string) => (id ? (listRecords(data, 'person').find((p) => p.id === id)?.name ?? '') : '');
  const org = (id: string) => listRecords(data, 'organisation').find((o) => o.id === id)?.name ?? '';
  const role = (key?: string) => tor.members.find((m) => m.key === key)?.role ?? 'Not set';
  const state = tor.status === 'approved' && tor.approval ? `approved ${formatUkDate(tor.approval.date)}${tor.approval.minuteRef ? ` (minute ${tor.approval.minuteRef})` : ''}` : tor.status;
  const blocks: Block[] = [
    heading(1, `${board.name}: terms of reference`),
    para(`Version ${tor.version}, ${state}. Review date ${formatUkDate(tor.reviewDate)}.`, { italics: true }),
    heading(2, 'Purpose'),
    ...markdown(tor.purpose, ctx, 2),
    heading(2, 'Responsibilities'),
    ...markdown(tor.responsibilities, ctx, 2),
    heading(2, 'Membership'),
    dataTable(['Seat', 'Organisation', 'Member', 'Voting', 'Deputy allowed'], tor.members.map((m) => [m.role, org(m.organisationId), name(m.personId) || 'Vacant', m.voting ? 'Yes' : 'No', m.deputyAllowed ? 'Yes' : 'No'])),
    heading(2, 'How the board works'),
    factTable([
      ['Chair', role(tor.chairMemberKey)],
      ['Vice-chair', role(tor.viceChairMemberKey)],
      ['Quorum', quorumInWords(tor.quorum)],
      ['Meetings a year', String(tor.meetingsPerYear)],
      ['Deep dives a meeting', String(tor.deepDivesPerMeeting)],
      ['Papers', `Sent at least ${tor.paperDeadlineWorkingDays} clear working days before the meeting`],
      ['Reports to', tor.reportsToBoardIds.map((id) => getRecord(data, 'board', id).name).join('; ') || 'None'],
      ['Permissions', tor.permissions.join('; ') || 'None'],
    ]),
  ];
  return { title: `Terms of reference: ${board.name} (version ${tor.version})`, subject: 'Terms of reference', ...house(data), header: `${board.name} · Terms of reference · Version ${tor.version}`, footer: `Terms of reference, version ${tor.version} (${tor.status})`, blocks };
};

/**
 * The sections of a tracked copy in reading order: the new version's, with each removed section
 * where it stood, after the section that came before it.
 */
const trackedOrder = (from: readonly { key: string }[], to: readonly { key: string }[]): string[] => {
  const kept = new Set(to.map((s) => s.key));
  // The removed sections from old position `at` up to the next section the new version keeps.
  const removedFrom = (at: number) => {
    const out: string[] = [];
    for (let i = at; i < from.length && !kept.has(from[i].key); i++) out.push(from[i].key);
    return out;
  };
  const order = removedFrom(0);
  for (const s of to) {
    const was = from.findIndex((f) => f.key === s.key);
    order.push(s.key, ...(was >= 0 ? removedFrom(was + 1) : []));
  }
  return order;
};

/**
 * Who the tracked changes are by, as Word's Review pane shows a partner: the name signed in with in
 * team mode, else the secretariat officer named in Settings (the partnership's contact), else the
 * partnership's secretariat. Never the computer's login, which means nothing to a partner.
 */
export const revisionAuthorOf = (data: StoreData, signedIn?: string): string => {
  const partnership = listRecords(data, 'partnership')[0];
  return signedIn?.trim() || partnership?.contact.name?.trim() || (partnership ? `${partnership.name} secretariat` : 'Quorum');
};

/** The version a tracked copy is compared with: the newest agreed (or once-agreed) version before this one. */
export const lastAgreedBefore = (data: StoreData, versionId: string) => {
  const v = getRecord(data, 'protocolVersion', versionId);
  return versionsOfProtocol(data, v.protocolId)
    .filter((x) => x.version < v.version && (x.status === 'agreed' || x.status === 'superseded'))
    .at(-1);
};

/**
 * The protocol: its version history, who signed it off, and the numbered sections. With
 * `trackedChanges`, the sections carry real Word revisions against the last agreed version, so
 * partners see in Word's Review pane exactly what changed.
 */
const protocolSpec = (data: StoreData, versionId: string, trackedChanges: boolean, builtAt: string, ctx: ExportContext, signedIn?: string): ExportSpec => {
  const v = getRecord(data, 'protocolVersion', versionId);
  const protocol = getRecord(data, 'protocol', v.protocolId);
  const versions = versionsOfProtocol(data, protocol.id);
  const signOffs = recordsWhere(data, 'signOff', 'protocolVersionId', v.id);
  const base = trackedChanges ? lastAgreedBefore(data, v.id) : undefined;
  const blocks: Block[] = [
    heading(1, protocol.title),
    para(`Version ${v.version}, ${v.status}. Between ${protocol.partyBoardIds.map((id) => getRecord(data, 'board', id).name).join(', ')}. Review date ${formatUkDate(protocol.reviewDate)}.`, { italics: true }),
    heading(2, 'Version history'),
    dataTable(['Version', 'Status', 'What changed'], versions.map((x) => [String(x.version), x.status, x.changeSummary || ''])),
    heading(2, 'Sign-off by the boards'),
    dataTable(
      ['Board', 'Signed off', 'Meeting', 'Minute'],
      protocol.partyBoardIds.map((id) => {
        const s = signOffs.find((x) => x.boardId === id);
        const meeting = s?.meetingId ? listRecords(data, 'meeting').find((m) => m.id === s.meetingId) : undefined;
        return [getRecord(data, 'board', id).name, s ? formatUkDate(s.date) : 'Not yet', meeting ? formatUkDate(meeting.date) : '', s?.minuteRef ?? ''];
      })
    ),
  ];
  if (trackedChanges && !base) blocks.push(notice('There is no earlier agreed version to compare with, so this copy shows no tracked changes.'));
  if (base) blocks.push(notice(`Changes since version ${base.version} (agreed) are shown as tracked changes: accept or reject them in Word’s Review tab, and add comments there.`));
  let id = 1;
  // Each change is the secretariat's, dated when the version was last saved: what Word's Review
  // pane shows a partner, and how a returned copy tells Quorum's changes from theirs.
  const rev = { author: revisionAuthorOf(data, signedIn), date: v.updatedAt, nextId: () => id++ };
  if (!base) for (const s of v.sections) blocks.push(heading(2, `${s.number}. ${s.heading}`), ...markdown(s.body, ctx, 2));
  else
    for (const key of trackedOrder(base.sections, v.sections)) {
      const section = v.sections.find((x) => x.key === key);
      const old = base.sections.find((x) => x.key === key);
      blocks.push(
        trackedHeading(old ? `${old.number}. ${old.heading}` : null, section ? `${section.number}. ${section.heading}` : null, rev),
        ...trackedBody(old?.body ?? '', section?.body ?? '', rev, ctx, key),
      );
    }
  // A closing line that never changes: Word cannot remove a document's last paragraph mark, so a
  // tracked section at the very end would leave an empty paragraph on Accept or Reject All.
  blocks.push(para(PROTOCOL_CLOSING, { italics: true }));
  return {
    title: `${protocol.title} (version ${v.version}${base ? `, tracked against version ${base.version}` : ''})`,
    subject: 'Protocol between the boards',
    ...house(data),
    header: `Protocol · Version ${v.version}${base ? ` · Changes since version ${base.version}` : ''}`,
    footer: `Version ${v.version} (${v.status})`,
    trackRevisions: Boolean(base),
    // Read back when partners return their copy: which version they reviewed.
    customProperties: [
      { name: 'QuorumProtocolVersionId', value: v.id },
      { name: 'QuorumProtocolVersion', value: String(v.version) },
      ...(base ? [{ name: 'QuorumRevisionAuthor', value: rev.author }] : []),
    ],
    blocks,
  };
};

export const GOVERNANCE_EXPORTS = ['tor', 'protocol'] as const;
export type GovernanceExport = (typeof GOVERNANCE_EXPORTS)[number];

export const buildGovernanceExport = async (data: StoreData, req: { what: GovernanceExport; id: string; trackedChanges?: boolean; builtAt: string; signedIn?: string }) => {
  const ctx = exportContext();
  if (req.what === 'protocol' && !listRecords(data, 'protocolVersion').some((v) => v.id === req.id)) throw new QuorumFailure('not-found', `There is no protocol version ${req.id}`);
  if (req.what === 'tor' && !listRecords(data, 'tor').some((v) => v.id === req.id)) throw new QuorumFailure('not-found', `There are no terms of reference ${req.id}`);
  const spec = req.what === 'tor' ? torSpec(data, req.id, ctx) : protocolSpec(data, req.id, Boolean(req.trackedChanges), req.builtAt, ctx, req.signedIn);
  return { bytes: await exportBytes(spec, ctx, req.builtAt), title: spec.title };
};
