import type { AgendaItem, Board, Meeting, Organisation, Person, TermsOfReference } from './schema/records';
import type { RecordId, RecordType } from './schema/common';

/**
 * What the views and effects answer, as types: the screens read them through the bridge, and the
 * operations in shared/features declare their results with them. They sit low (below shared/rules
 * and everything above it), so a feature can name its answer without reaching up to the bridge's
 * typing in shared/contract.ts (docs/ARCHITECTURE.md, layers).
 */

export type BackupInfo = { id: string; takenAt: string; bytes: number; reason: string };

export type JournalEntryView = {
  seq: number;
  at: string;
  user: string;
  command: string;
  summary: string;
  ids: string[];
};

export type JournalCheck = { ok: boolean; entries: number; problem?: string };

export type StoreStatus = {
  state: 'ready' | 'empty' | 'recovery-needed';
  dataDir: string;
  counts: Partial<Record<RecordType, number>>;
  journal: JournalCheck;
  /** Set when the store at load was corrupt, empty or invalid and has been quarantined. */
  recovery?: { reason: string; quarantinedFile: string; backups: BackupInfo[] };
  /** Messages from load that the user should see once (a migration ran, a journal was repaired). */
  notices: string[];
  /** The last change, when it was a removal, cancellation or withdrawal that Undo can take back. */
  undo?: { seq: number; summary: string };
  /** Set when this data folder is a team's replica (team mode, docs/team.md). */
  team?: TeamSummary;
};

/** Team mode as the window shows it: who is signed in where, and how the sync stands. */
export type TeamSummary = {
  server: string;
  partnership: string;
  user: string;
  roles: ('secretariat' | 'part2' | 'partner')[];
  /** The person in the directory this sign-in is (a partner who votes on written resolutions). */
  personId?: string;
  signedIn: boolean;
  /** synced; `waiting` changes not yet on the server; offline (the server cannot be reached); signed out (it refused the sign-in). */
  sync: { state: 'synced' | 'waiting' | 'offline' | 'signed-out'; waiting: number; lastError?: string };
  decisions: number;
  notApplied: number;
};

/** A clash between two officers' changes, for the Needs decision inbox. */
export type NeedsDecisionView = {
  key: string;
  id: string;
  /** What the record is, in the officer's words ("The minute of item 3, Budget 2027/28"). */
  what: string;
  fields: {
    field: string;
    label: string;
    versions: { rev: string; by: string; at: string; text: string }[];
    diff: { text: string; change: 'same' | 'removed' | 'added' }[];
  }[];
};

export type NotAppliedView = { index: number; id: string; what: string; at: string; reason: string; text: string };

export type MeetingSummary = {
  id: Meeting['id'];
  boardId: Board['id'];
  boardName: string;
  date: string;
  startTime: string;
  venue: string;
  status: Meeting['status'];
  agendaItems: number;
  isNext: boolean;
};

/** A pack build from the app: saved (with its file, size and hash) or cancelled at the save dialog. */
export type PackBuildOutcome =
  | { saved: false; reason: string }
  | { saved: true; file: string; bytes: number; sha256: string; overridden: boolean; errors: number; warnings: number };

/** The public website written into a folder (quorum publish), or the folder dialog cancelled. */
export type SitePublishOutcome = { published: false; reason: string } | { published: true; folder: string; written: string[]; unchanged: number; removed: string[] };

/** A paper imported onto an agenda item, or the open dialog cancelled. `notes` say what to check. */
export type PaperImportOutcome =
  | { imported: false; reason: string }
  /** The paper still has tracked changes or comments: the officer chooses what becomes of them, then imports again with `reviewMarks`. */
  | { imported: false; reason: string; reviewMarks: string; sourceFile: string }
  /** `coverFilled`: the cover sheet's empty fields the paper's own sections filled ("2 recommendations", "executive summary"). */
  | { imported: true; sourceFile: string; characters: number; images: number; notes: string[]; coverFilled: string[] };

/** One line of a meeting's agenda as the Pack screen shows it: no paper bodies (they can be megabytes). */
export type AgendaLine = {
  id: AgendaItem['id'];
  rev: number;
  number: number;
  title: string;
  purpose: AgendaItem['purpose'];
  standing: boolean;
  part2: AgendaItem['part2'] | null;
  paper: null | {
    status: NonNullable<AgendaItem['paper']>['status'];
    receivedOn: string | null;
    author: string | null;
    coverSheet: NonNullable<AgendaItem['paper']>['coverSheet'];
    bodyCharacters: number;
  };
  /** The clearances the board asks of this paper and whether each holds, at a glance (shared/rules/clearance.ts). */
  clearance: { summary: string; complete: boolean; needs: { key: string; label: string; state: 'cleared' | 'reset' | 'missing' }[] };
};

export type BoardOption = { id: Board['id']; rev: number; name: string; shortName: string; standingItems: Board['standingItems'] };

/** A file exported through the save dialog, or the dialog cancelled. */
export type ExportOutcome = { saved: false; reason: string } | { saved: true; file: string; bytes: number };

/** A board's terms of reference, every version (newest first), with what the editor picks from. */
export type TorView = {
  /** Today in England, by the app's clock, for "review due in N days". */
  today: string;
  board: { id: Board['id']; name: string; shortName: string };
  versions: TermsOfReference[];
  people: { id: RecordId<'person'>; name: string; organisationId: RecordId<'organisation'> }[];
  organisations: { id: RecordId<'organisation'>; name: string }[];
  boards: { id: Board['id']; name: string }[];
  meetings: { id: RecordId<'meeting'>; date: string }[];
};

/** A partner's returned Word copy read into review comments, or the open dialog cancelled. */
export type ReturnedCopyOutcome =
  | { imported: false; reason: string }
  | { imported: true; sourceFile: string; comments: number; reports: string[]; authors: { author: string; organisation: string; count: number; known: boolean }[] };

export type AppInfo = { version: string; dataDir: string; user: string; platform: string };

/** A person on the People and boards screen: their contact details and organisation by name. */
export type DirectoryPerson = Pick<Person, 'id' | 'rev' | 'name' | 'jobTitle' | 'organisationId' | 'email'> & { phone: string; organisation: string; retiredOn: string | null };
/** An organisation on the People and boards screen, with how many people it has. */
export type DirectoryOrganisation = Pick<Organisation, 'id' | 'rev' | 'name' | 'kind'> & { people: number; retiredOn: string | null };

/** What search finds, by kind of record (shared/search/documents.ts makes the documents). */
export const SEARCH_KINDS = ['paper', 'minutes', 'resolution', 'action', 'decision', 'tor', 'protocol', 'comment', 'deepDive', 'plan', 'person', 'organisation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
/** A result's snippet: the words around the match, the matching ones marked. */
export type SnippetPart = { text: string; hit: boolean };
export type SearchResult = {
  recordId: string;
  kind: SearchKind;
  part: 1 | 2;
  title: string;
  board: string | null;
  boardId: string | null;
  meetingId: string | null;
  date: string | null;
  snippet: SnippetPart[];
};
/** One page of search results (search:query), counted only over what the person may see. */
export type SearchAnswer = {
  total: number;
  page: number;
  pages: number;
  /** How many of each kind matched (for the filters). */
  byKind: Partial<Record<SearchKind, number>>;
  results: SearchResult[];
  /** While the index is first built: how far it has got (results are then those indexed so far). */
  building: { done: number; total: number } | null;
};

/** Attendance over a period (shared/rules/attendanceRecord.ts): each seat-holder's meetings, by outcome. */
export type AttendanceCounts = { expected: number; present: number; bySubstitute: number; apologies: number; absent: number; notRecorded: number };
export type PersonAttendance = AttendanceCounts & { personId: string; name: string; organisation: string; seats: string[]; reasons: { date: string; board: string; reason: string }[] };
export type SeatAttendance = AttendanceCounts & { boardId: string; board: string; key: string; role: string; organisation: string; statutory: boolean; unfilled: number; unfilledOn: string[] };
export type OrganisationAttendance = { organisationId: string; name: string; expected: number; represented: number; notRepresentedOn: string[] };
export type MeetingAttendance = { meetingId: string; date: string; boardId: string; board: string; quorate: boolean; quorum: string; reasons: string[]; statutoryUnfilled: string[] };
export type AttendanceRecord = {
  from: string;
  to: string;
  meetingsHeld: number;
  meetingsCancelled: number;
  meetings: MeetingAttendance[];
  people: PersonAttendance[];
  seats: SeatAttendance[];
  organisations: OrganisationAttendance[];
  quorumByYear: { year: string; held: number; notQuorate: number }[];
};
