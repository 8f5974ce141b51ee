import { getRecord, listRecords, type StoreData } from '../data';
import { decidedOn, routeWords } from '../rules/decisions';
import { compareCodes } from '../rules/textOrder';

/**
 * Decisions taken between meetings as CSV (RFC 4180), for the council's own registers. The public
 * file shows a Part 2 decision by its public title and its Schedule 12A paragraph only.
 */
/** Decisions between meetings as CSV rows (public: a Part 2 decision shows its public title and exemption only). */
export const decisionRows = (data: StoreData, variant: 'public' | 'full', boardId?: string): string[][] => {
  const header = ['Board', 'Decision', 'Route', 'Taken or closed on', 'Outcome', 'Key decision', 'Part 2', 'How it was taken', 'Reported to the meeting of'];
  const rows = listRecords(data, 'decision')
    .filter((d) => !boardId || d.boardId === boardId)
    .sort((a, b) => compareCodes(decidedOn(a) ?? a.written?.closesOn ?? '', decidedOn(b) ?? b.written?.closesOn ?? ''))
    .map((d) => {
      const exempt = d.part2 && variant === 'public';
      const meeting = d.reportedToMeetingId ? data.records[d.reportedToMeetingId] : undefined;
      return [
        getRecord(data, 'board', d.boardId).name,
        exempt ? (d.part2!.publicTitle?.trim() || `Exempt information (Schedule 12A, paragraph ${d.part2!.paragraph})`) : `${d.title}: ${d.text}`,
        d.route === 'urgent-officer' ? 'Urgent decision by an officer in consultation with the chair' : 'Written resolution',
        decidedOn(d) ?? d.written?.closesOn ?? '',
        d.urgent ? 'Taken' : (d.written?.outcome?.result ?? 'Window open'),
        d.keyDecision ? 'Yes' : 'No',
        d.part2 ? `Paragraph ${d.part2.paragraph}` : '',
        exempt ? 'Exempt information (Part 2)' : routeWords(data, d),
        meeting?.type === 'meeting' ? meeting.date : '',
      ];
    });
  return [header, ...rows];
};


/** RFC 4180: every field quoted, quotes doubled, CRLF between records; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  rows.map((r) => r.map((cell) => `"${(/^[=+\-@]/.test(cell) ? `'${cell}` : cell).replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';

export const decisionsCsv = (data: StoreData, variant: 'public' | 'full', boardId?: string): string => toCsv(decisionRows(data, variant, boardId));
