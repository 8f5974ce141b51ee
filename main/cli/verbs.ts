import { TEAM_ROLES, TEAM_ROLE_MEANING } from '../../shared/team/audiences';
import { SEARCH_KINDS } from '../../shared/views';
import { dataOption, jsonOption, type Subcommand } from './command';

/**
 * What each `quorum` verb is called with, and how it is described: read by `quorum --help` and to
 * parse a verb's options before the verb's own module loads (quorum.ts). Nothing here imports the
 * store, the pack or any other part of Quorum, so asking for help, or mistyping an option, costs
 * only this file (issue: a CLI that starts at once).
 */
export type VerbDeclaration = Omit<Subcommand, 'run'>;

/** What `quorum import` brings in. */
export const IMPORT_WHAT = ['people', 'meetings', 'actions', 'tor', 'paper'] as const;
/** What `quorum export` writes; the first three are a meeting's Word documents (shared/exports/meetingExports.ts WORD_EXPORTS). */
export const EXPORT_KINDS = ['agenda', 'minutes', 'actions', 'calendar', 'tor', 'protocol', 'deep-dives', 'forward-plan', 'decisions', 'attendance', 'register', 'yearly-report'] as const;

export const VERBS = {
  example: {
    summary: 'create the example partnership (Eastmere) in an empty data folder',
    usage: 'quorum example --data DIR [--json]',
    options: { ...dataOption, ...jsonOption },
  },
  check: {
    summary: 'verify the store and its journal, count records, list governance warnings',
    usage: 'quorum check --data DIR [--json]',
    options: { ...dataOption, ...jsonOption },
  },
  init: {
    summary: 'create an empty store for a partnership of your own (boards, people and the rest follow)',
    usage: 'quorum init --data DIR --partnership NAME [--json]',
    options: { ...dataOption, partnership: { type: 'string', description: 'the partnership’s name' }, ...jsonOption },
  },
  import: {
    summary: 'bring in people, meeting dates, an action log, terms of reference or a paper, with a preview',
    usage:
      'quorum import people --data DIR FILE.xlsx|FILE.csv [--add-organisations] [--add-boards] [--board-as "SHEET NAME=BOARD|leave-out" …] [--leave-out-refused] [--dry-run] [--json]\n' +
      '             quorum import meetings --data DIR FILE.txt --board ID [--year YYYY] [--start HH:MM] [--end HH:MM] [--venue TEXT] [--dry-run] [--json]\n' +
      '             quorum import actions --data DIR FILE.xlsx|FILE.csv --board ID [--leave-out-refused] [--dry-run] [--json]\n' +
      '             quorum import tor --data DIR FILE.docx --board ID [--seat-as "N=ORGANISATION|leave-out|vacant" …] [--leave-out-unmatched] [--dry-run] [--json]\n' +
      '             quorum import paper --data DIR --item AGENDA_ITEM_ID FILE.docx|FILE.md [--replace] [--review-marks accept|keep] [--dry-run] [--json]',
    positional: { name: 'what', choices: IMPORT_WHAT },
    options: {
      data: { type: 'string', description: 'the data folder (holds quorum.json)' },
      board: { type: 'string', description: 'the board (its id, name or short name): meetings, actions, tor' },
      item: { type: 'string', description: 'the agenda item (agendaItem:…) the paper is for' },
      'add-organisations': { type: 'boolean', description: 'people: add the organisations the sheet names that the partnership does not have' },
      'add-boards': { type: 'boolean', description: 'people: add the boards the sheet names that the partnership does not have (name, short name and kind from the sheet)' },
      'board-as': { type: 'string', multiple: true, description: 'people: "Sheet name=board" says which board a name on the sheet means (its id, name or short name), or "Sheet name=leave-out" imports those people without their seats' },
      'leave-out-refused': { type: 'boolean', description: 'import the rows that can be, leaving out the refused ones' },
      'seat-as': { type: 'string', multiple: true, description: 'tor: "N=organisation" gives the seat on the preview’s row or item N its organisation (its id or name), "N=leave-out" leaves it out, "N=vacant" keeps it with nobody in it (the person the document names there is not added)' },
      'leave-out-unmatched': { type: 'boolean', description: 'tor: leave out the seats whose organisation is not in the partnership, or not named' },
      year: { type: 'string', description: 'meetings: the year a rule or a date without a year falls in (default: this year)' },
      start: { type: 'string', description: 'meetings: the usual start time (default 14:00)' },
      end: { type: 'string', description: 'meetings: the usual end time (default 16:00)' },
      venue: { type: 'string', description: 'meetings: the venue' },
      replace: { type: 'boolean', description: 'paper: replace a paper already received' },
      'review-marks': { type: 'string', description: 'paper: what to do with tracked changes and comments still in a Word paper: accept (as Word’s Accept All; comments left out) or keep (deletions struck through, comments in brackets)' },
      'dry-run': { type: 'boolean', description: 'print the preview and write nothing' },
      json: { type: 'boolean', description: 'print JSON instead of text' },
    },
  },
  call: {
    summary: 'run one operation of the bridge (area:verb) on a data folder, as the app would',
    usage: 'quorum call CHANNEL --data DIR [--input JSON|@file.json] [--json]',
    positional: { name: 'channel' },
    options: {
      data: { type: 'string', description: 'the data folder (holds quorum.json)' },
      input: { type: 'string', description: 'the operation’s input as JSON, or @file.json' },
      json: { type: 'boolean', description: 'print JSON only' },
    },
  },
  pack: {
    summary: 'build the board pack for a meeting (public or full) as Word or PDF, after the pre-flight checks',
    usage: 'quorum pack --data DIR --meeting ID|next [--board ID] --variant public|full --out FILE.docx|FILE.pdf [--format docx|pdf] [--items N|N-M|N,M…] [--supplement --late-reason TEXT [--urgency TEXT]] [--for PERSON] [--override-reason TEXT] [--json]',
    options: {
      data: { type: 'string', description: 'the data folder (holds quorum.json)' },
      meeting: { type: 'string', description: 'a meeting id (meeting:…), or "next" for the next meeting' },
      board: { type: 'string', description: 'with --meeting next: the board (board:…)' },
      variant: { type: 'string', description: 'public (Part 2 items as notices only) or full' },
      out: { type: 'string', description: 'the file to write: .docx for Word, .pdf for PDF (laid out in Chromium, Chrome or Edge; QUORUM_CHROMIUM names one)' },
      format: { type: 'string', description: 'docx or pdf (by default, as --out ends)' },
      items: { type: 'string', description: 'only these agenda items’ papers, as a PDF of their own: 4, 4-6 or 4,6,8' },
      supplement: { type: 'boolean', description: 'a supplement to the last pack saved: only the papers since received or changed' },
      'late-reason': { type: 'string', description: 'with --supplement: why its papers are late (printed with each)' },
      urgency: { type: 'string', description: 'with --supplement, for a board following council rules: the chair’s reason for urgency (s.100B(4)(b))' },
      for: { type: 'string', description: 'with --variant full: one member’s copy (person:…), with the items they may have an interest in on its cover and the board’s conflicts policy applied' },
      'override-reason': { type: 'string', description: 'build despite pre-flight errors; the reason is journaled' },
      json: { type: 'boolean', description: 'print JSON instead of text' },
    },
  },
  export: {
    summary: 'export a meeting’s agenda, minutes or action log (.docx), or the meetings calendar (.ics)',
    usage:
      'quorum export agenda|minutes|actions --data DIR --meeting ID|next [--board ID] [--variant public|full] --out FILE.docx [--json]\n' +
      '             quorum export calendar --data DIR [--board ID] --out FILE.ics [--json]\n' +
      '             quorum export tor --data DIR --board ID [--version N] --out FILE.docx [--json]\n' +
      '             quorum export protocol --data DIR --protocol ID [--version N] [--tracked-changes] --out FILE.docx [--json]\n' +
      '             quorum export deep-dives|forward-plan --data DIR [--board ID] [--variant public|full] --out FILE.docx [--json]\n' +
      '             quorum export decisions --data DIR [--board ID] [--variant public|full] --out FILE.csv [--json]\n' +
      '             quorum export attendance --data DIR [--from DATE] [--to DATE] [--board ID] [--variant public|full] --out FILE.docx|FILE.csv [--json]\n' +
      '             quorum export register --data DIR [--on DATE] [--variant public|full] --out FILE.docx [--json]\n' +
      '             quorum export yearly-report --data DIR --board ID [--from DATE] [--to DATE] [--variant public|full] --out FILE.docx|FILE.pdf [--json]',
    positional: { name: 'what', choices: EXPORT_KINDS },
    options: {
      data: { type: 'string', description: 'the data folder (holds quorum.json)' },
      meeting: { type: 'string', description: 'a meeting id (meeting:…), or "next"' },
      board: { type: 'string', description: 'the board (board:…): with --meeting next, or to limit the calendar' },
      variant: { type: 'string', description: 'public (default; Part 2 as notices only) or full' },
      protocol: { type: 'string', description: 'the protocol (protocol:…)' },
      version: { type: 'string', description: 'a version number (default: the newest)' },
      'tracked-changes': { type: 'boolean', description: 'mark changes since the last agreed version as Word tracked changes' },
      from: { type: 'string', description: 'attendance, yearly-report: the first day of the period (YYYY-MM-DD; attendance: a year before --to; yearly-report: the last 1 April)' },
      to: { type: 'string', description: 'attendance, yearly-report: the last day of the period (YYYY-MM-DD; attendance: today; yearly-report: the 31 March after --from)' },
      // --from and --to serve the attendance record and the yearly report.
      on: { type: 'string', description: 'register: the register as it stood on this day (YYYY-MM-DD; default today)' },
      out: { type: 'string', description: 'the file to write' },
      json: { type: 'boolean', description: 'print JSON instead of text' },
    },
  },
  publish: {
    summary: 'write the public website: meetings, agendas, public papers, approved minutes, decisions, action logs, forward plans',
    usage: 'quorum publish --data DIR --out FOLDER [--board ID] [--since YYYY-MM-DD] [--json]',
    options: {
      data: { type: 'string', description: 'the data folder (holds quorum.json)' },
      out: { type: 'string', description: 'the folder to publish into (copy it to the web server or SharePoint)' },
      board: { type: 'string', description: 'only this board (board:…)' },
      since: { type: 'string', description: 'meetings on or after this date (default: a year before today)' },
      json: { type: 'boolean', description: 'print JSON instead of text' },
    },
  },
  team: {
    summary: 'set up the partnership’s CouchDB server for team mode, and add people to it (docs/team.md)',
    usage:
      'quorum team init --server URL [--admin USER] --partnership SLUG [--json]\n' +
      '             quorum team add-user --server URL [--admin USER] --partnership SLUG --name NAME --roles secretariat[,part2]|partner [--person person:…] [--json]',
    positional: { name: 'action', choices: ['init', 'add-user'] },
    options: {
      server: { type: 'string', description: 'the CouchDB server, e.g. https://quorum.example.gov.uk:6984' },
      admin: { type: 'string', description: 'a server administrator (password from QUORUM_ADMIN_PASSWORD or asked for)' },
      partnership: { type: 'string', description: 'the partnership’s short name on the server, e.g. eastmere' },
      name: { type: 'string', description: 'add-user: the person’s sign-in name (password from QUORUM_USER_PASSWORD or asked for)' },
      person: { type: 'string', description: 'add-user: the person in the directory this sign-in is (person:…), so a partner can vote on written resolutions sent to them' },
      roles: { type: 'string', description: `add-user: ${TEAM_ROLES.map((r) => `${r} (${TEAM_ROLE_MEANING[r]})`).join('; ')}` },
      json: { type: 'boolean', description: 'print JSON instead of text' },
    },
  },
  obligations: {
    summary: 'list the statutory clocks: what is due, overdue and met, each with its due date and its source',
    usage: 'quorum obligations --data DIR [--board ID] [--json]',
    options: { ...dataOption, board: { type: 'string', description: 'one board (board:… or its name)' }, ...jsonOption },
  },
  outbox: {
    summary: 'list the messages due in the outbox; with --send, send them through the mail server (never one twice)',
    usage: 'quorum outbox --data DIR [--send] [--smtp smtp://host:port] [--smtp-ca FILE.pem] [--json]',
    options: {
      ...dataOption,
      send: { type: 'boolean', description: 'send what is due (password from QUORUM_SMTP_PASSWORD)' },
      'smtp-ca': { type: 'string', description: 'a PEM file of the certificate authority that issued the mail server’s certificate (a council’s own)' },
      smtp: { type: 'string', description: 'the mail server, smtp://user@host:587 (STARTTLS) or smtps://host:465; default: the partnership’s settings. Plain SMTP only to this computer' },
      ...jsonOption,
    },
  },
  search: {
    summary: 'search everything the partnership has written: papers, minutes, resolutions, actions, ToR, protocols, deep dives, the plan, people',
    usage: 'quorum search "words" --data DIR [--board ID] [--kind K] [--since DATE] [--public] [--page N] [--json]',
    positional: { name: 'words' },
    options: {
      ...dataOption,
      board: { type: 'string', description: 'one board (board:… or its name)' },
      kind: { type: 'string', description: `one kind of record: ${SEARCH_KINDS.join(', ')}` },
      since: { type: 'string', description: 'only from this date on (YYYY-MM-DD)' },
      public: { type: 'boolean', description: 'as the public would: what the website publishes, Part 1 only' },
      page: { type: 'string', description: 'which page of 20 results (default 1)' },
      ...jsonOption,
    },
  },
} satisfies Record<string, VerbDeclaration>;

export type VerbName = keyof typeof VERBS;
