import type { StoreData } from '../data';
import { listRecords, recordsWhere } from '../data';
import type { Board, Meeting } from '../schema/records';
import { boardMeetings } from '../rules/boards';
import { formatUkDate, type HolidaySet } from '../rules/dates';
import { assemblePack, PURPOSE_LABEL, type PackModel } from '../pack/model';
import { deepDive, paper } from '../pack/parts/papers';
import { meetingDocument } from '../exports/meetingExports';
import { planSpec } from '../exports/planExports';
import { attendanceBlocks } from '../exports/attendanceExports';
import { registerBlocks } from '../exports/registerExport';
import { attendanceRecord } from '../rules/attendanceRecord';
import { toHtml } from '../pack/html/render';
import { esc } from '../pack/html/escape';
import { pageText, siteSearchBody, siteSearchIndex, siteSearchScript } from './siteSearch';
import { imagePath } from '../pack/markdown/images';
import { tablesForNarrowScreens } from './narrowTables';
import type { PackBlock } from '../pack/parts/blocks';
import { compareCodes, compareEnglish } from '../rules/textOrder';

/**
 * The partnership's public website, as a folder of static pages (quorum publish, Publish in the
 * app): for each board its meetings; for each meeting the agenda, the public papers as pages (the
 * PDF pack beside them), the minutes once approved, the decisions and the action log; and each
 * board's forward plan. Everything comes from the public variant, as the public pack does: nothing
 * exempt under Schedule 12A reaches a page. The pages need no script to read, link to each other
 * relatively (the folder can go on any web server or SharePoint) and meet WCAG 2.2 AA (GOV.UK's
 * "HTML first" for publishing; PSBAR 2018).
 */
export type SitePage = { path: string; html: string };
/** A meeting whose public PDF pack goes beside its pages (main lays it out in Chromium). */
export type SitePack = { path: string; meetingId: Meeting['id']; model: PackModel };
export type Site = { pages: SitePage[]; packs: SitePack[]; images: string[] };

export type SiteOptions = { today: string; holidays: HolidaySet; boardId?: Board['id']; since?: string };

/** Where a board's pages go: its short name, as a web address would spell it. */
export const boardSlug = (board: Pick<Board, 'id' | 'shortName'>): string =>
  board.shortName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || board.id.replace(/^board:/, '');

/**
 * Each board's folder, never two boards in one: "Children’s Trust" and "Childrens Trust" spell the
 * same address, so the later board (by id, which does not change) takes "-2", and so on.
 */
export const boardSlugs = (boards: readonly Pick<Board, 'id' | 'shortName'>[]): Map<string, string> => {
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const b of [...boards].sort((x, y) => compareCodes(x.id, y.id))) {
    const base = boardSlug(b);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(b.id, slug);
  }
  return slugs;
};

/** A meeting's folder: its date; two on one day add their start time; two in the same slot add a number (by id). */
export const meetingFolders = (meetings: readonly Pick<Meeting, 'id' | 'date' | 'startTime'>[]): Map<string, string> => {
  const onDay = new Map<string, number>();
  for (const m of meetings) onDay.set(m.date, (onDay.get(m.date) ?? 0) + 1);
  const taken = new Set<string>();
  const folders = new Map<string, string>();
  for (const m of [...meetings].sort((x, y) => compareCodes(x.id, y.id))) {
    const base = `${m.date}${(onDay.get(m.date) ?? 0) > 1 ? `-${m.startTime.replace(':', '')}` : ''}`;
    let folder = base;
    for (let n = 2; taken.has(folder); n++) folder = `${base}-${n}`;
    taken.add(folder);
    folders.set(m.id, folder);
  }
  return folders;
};

/** A year of meetings by default: earlier ones stay as they were published. */
export const defaultSince = (today: string): string => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

const STYLE = `
:root { --brand: #1F4E79; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 Arial, Helvetica, sans-serif; color: #0b0c0c; background: #fff; }
a { color: #1d4f91; text-decoration: underline; }
a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; padding: 0.5rem; }
header { background: var(--brand); color: #fff; padding: 0.75rem 1rem; }
header a { color: #fff; }
header a:focus { color: #0b0c0c; }
header p { margin: 0; font-weight: bold; }
header .search-link { float: right; font-weight: normal; }
mark { background: #ffdd00; color: #0b0c0c; }
nav.breadcrumbs ol { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
nav.breadcrumbs li + li::before { content: "›"; margin-right: 0.5rem; }
main { max-width: 60rem; padding: 1rem; margin: 0 auto; }
footer { max-width: 60rem; margin: 2rem auto 0; padding: 1rem; border-top: 1px solid #b1b4b6; color: #505a5f; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
th, td { border: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; }
.notice { border-left: 5px solid var(--brand); padding-left: 0.75rem; font-weight: bold; }
.rag-red { background: #f4cccc; } .rag-amber { background: #ffe699; } .rag-green { background: #c6efce; }
h2.agenda-item { font-size: 1rem; margin: 0; }
img { max-width: 100%; height: auto; }
ol.agenda { padding-left: 0; list-style: none; }
ol.agenda > li { border-top: 1px solid #b1b4b6; padding: 0.75rem 0; }
ol.agenda h3 { margin: 0 0 0.25rem; }
.meta { color: #505a5f; margin: 0; }
td, th { overflow-wrap: anywhere; }
main { overflow-wrap: break-word; }
@media (max-width: 40rem) {
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack tbody th { display: block; width: auto; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.stack tr { border: 1px solid #b1b4b6; margin: 0 0 0.75rem; }
  table.stack td, table.stack tbody th { border: 0; border-bottom: 1px solid #f3f2f1; }
  table.stack [data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
}
@media print { header, footer, .skip { display: none; } }
`;

type Crumb = { label: string; href?: string };

const page = (opts: { title: string; site: string; root: string; crumbs: Crumb[]; body: string; published: string }) => `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} – ${esc(opts.site)}</title>
<link rel="stylesheet" href="${opts.root}style.css">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header>
<p><a href="${opts.root}index.html">${esc(opts.site)}</a> <a class="search-link" href="${opts.root}search.html">Search</a></p>
${
  opts.crumbs.length
    ? `<nav class="breadcrumbs" aria-label="Where you are"><ol>${opts.crumbs.map((c) => (c.href ? `<li><a href="${c.href}">${esc(c.label)}</a></li>` : `<li aria-current="page">${esc(c.label)}</li>`)).join('')}</ol></nav>`
    : ''
}
</header>
<main id="main">
${tablesForNarrowScreens(opts.body)}
</main>
<footer><p>Published on ${esc(formatUkDate(opts.published))}. Items that contain exempt information (Local Government Act 1972, Schedule 12A) are listed but not published.</p></footer>
</body>
</html>
`;

const blocksHtml = (blocks: readonly PackBlock[], root: string) =>
  toHtml(blocks, {
    picture: (path) => ({ src: `${root}${path}`, width: 0, height: 0 }),
    topHeading: (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
  }).replace(/ width="0" height="0"/g, '');

/** Pictures the public papers show, to copy beside the pages. */
const picturesIn = (markdown: string): string[] => [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((m) => imagePath(m[1])).filter((p): p is string => Boolean(p));

export const buildSite = (data: StoreData, opts: SiteOptions): Site => {
  const partnership = listRecords(data, 'partnership')[0];
  const site = partnership?.name ?? 'Partnership';
  const since = opts.since ?? defaultSince(opts.today);
  const boards = listRecords(data, 'board')
    .filter((b) => !opts.boardId || b.id === opts.boardId)
    .sort((a, b) => compareEnglish(a.name, b.name));
  const pages: SitePage[] = [];
  const packs: SitePack[] = [];
  // Slugs over every board, not only those published now, so a board's address does not move when another is published alone.
  const slugs = boardSlugs(listRecords(data, 'board'));
  const images = new Set<string>();
  const published = opts.today;

  pages.push({
    path: 'index.html',
    html: page({
      title: 'Boards',
      site,
      root: '',
      crumbs: [],
      published,
      body: `<h1>${esc(site)}</h1>\n<p>The boards of the partnership, their meetings, papers, minutes and decisions.</p>\n<ul>${boards.map((b) => `<li><a href="${slugs.get(b.id)}/index.html">${esc(b.name)}</a></li>`).join('')}</ul>\n<h2>Register of interests</h2>\n<p><a href="register.html">The register of interests</a> of the boards’ members.</p>`,
    }),
  });
  // The public register: sensitive entries never leave the store (registerBlocks, public).
  pages.push({ path: 'register.html', html: page({ title: 'Register of interests', site, root: '', crumbs: [{ label: 'Register of interests' }], published, body: blocksHtml(registerBlocks(data, opts.today, 'public'), '') }) });

  for (const board of boards) {
    const slug = slugs.get(board.id)!;
    const meetings = boardMeetings(data, board.id, { includeCancelled: true }).filter((m) => m.date >= since);
    const folders = meetingFolders(meetings);
    const meetingFolder = (m: Meeting) => `${slug}/${folders.get(m.id)}`;
    const coming = meetings.filter((m) => m.date >= opts.today && m.status !== 'cancelled' && m.status !== 'held' && m.status !== 'minutes-approved');
    const past = meetings.filter((m) => !coming.includes(m)).reverse();
    const meetingLink = (m: Meeting) =>
      `<li><a href="${meetingFolder(m).slice(slug.length + 1)}/index.html">${esc(formatUkDate(m.date, true))}, ${esc(m.startTime)}</a>${m.status === 'cancelled' ? ' (cancelled)' : ''}</li>`;
    pages.push({
      path: `${slug}/index.html`,
      html: page({
        title: board.name,
        site,
        root: '../',
        crumbs: [{ label: 'Boards', href: '../index.html' }, { label: board.name }],
        published,
        body: [
          `<h1>${esc(board.name)}</h1>`,
          `<h2>Meetings to come</h2>`,
          coming.length ? `<ul>${coming.map(meetingLink).join('')}</ul>` : '<p>No meetings are scheduled.</p>',
          `<h2>Past meetings</h2>`,
          past.length ? `<ul>${past.map(meetingLink).join('')}</ul>` : `<p>No meetings since ${esc(formatUkDate(since))}.</p>`,
          `<h2>Forward plan</h2>`,
          `<p><a href="forward-plan.html">The board’s forward plan</a>: what is coming to its meetings.</p>`,
          `<h2>Attendance</h2>`,
          `<p><a href="attendance.html">Who attended the board’s meetings</a> since ${esc(formatUkDate(since))}.</p>`,
        ].join('\n'),
      }),
    });
    // Public: no reasons for absence (attendanceBlocks, public).
    const period = { from: since, to: opts.today, boardId: board.id };
    pages.push({
      path: `${slug}/attendance.html`,
      html: page({
        title: `Attendance: ${board.name}`,
        site,
        root: '../',
        crumbs: [{ label: 'Boards', href: '../index.html' }, { label: board.name, href: 'index.html' }, { label: 'Attendance' }],
        published,
        body: blocksHtml(attendanceBlocks(data, attendanceRecord(data, period), period, 'public'), '../'),
      }),
    });
    pages.push({
      path: `${slug}/forward-plan.html`,
      html: page({
        title: `Forward plan: ${board.name}`,
        site,
        root: '../',
        crumbs: [{ label: 'Boards', href: '../index.html' }, { label: board.name, href: 'index.html' }, { label: 'Forward plan' }],
        published,
        body: blocksHtml(planSpec(data, 'forward-plan', board.id, opts.today, opts.holidays, 'public').blocks, '../'),
      }),
    });

    for (const m of meetings) {
      const folder = meetingFolder(m);
      const root = '../../';
      const crumbs = (here: string, sub?: string): Crumb[] => [
        { label: 'Boards', href: `${root}index.html` },
        { label: board.name, href: '../index.html' },
        ...(sub ? [{ label: here, href: 'index.html' }, { label: sub }] : [{ label: here }]),
      ];
      const when = formatUkDate(m.date, true);
      if (m.status === 'cancelled') {
        pages.push({
          path: `${folder}/index.html`,
          html: page({ title: `${board.name}, ${formatUkDate(m.date)}`, site, root, crumbs: crumbs(formatUkDate(m.date)), published, body: `<h1>${esc(board.name)}: ${esc(when)}</h1>\n<p class="notice">This meeting was cancelled${m.cancellation ? `: ${esc(m.cancellation.reason)}` : ''}.</p>` }),
        });
        continue;
      }
      const model = assemblePack(data, m.id, 'public', opts.today);
      const hasAgenda = model.agenda.length > 0;
      if (hasAgenda) packs.push({ path: `${folder}/pack.pdf`, meetingId: m.id, model });
      const papers = new Map(model.papers.map((p) => [p.number, p]));
      const briefings = new Map(model.deepDives.filter((d) => d.agendaNumber).map((d) => [d.agendaNumber!, d]));
      const held = m.status === 'held' || m.status === 'minutes-approved';
      const minutes = held ? meetingDocument(data, 'minutes', { meetingId: m.id, variant: 'public', today: opts.today }) : undefined;
      const resolutions = recordsWhere(data, 'resolution', 'meetingId', m.id);

      const agenda = model.agenda
        .map((a) => {
          const p = papers.get(a.number);
          const item = a.part2
            ? `<p class="meta">Part 2: exempt under Schedule 12A, paragraph ${a.part2.paragraph}. The paper is not published.</p>`
            : p && p.state === 'received'
              ? `<p><a href="item-${a.number}.html">Paper for item ${a.number}: ${esc(a.title)}</a></p>`
              : p
                ? // Once the meeting has taken place a paper that never came will not follow.
                  held || m.date < opts.today
                  ? `<p class="meta">No paper was published for this item.</p>`
                  : `<p class="meta">The paper will follow.</p>`
                : '';
          const decisions = held && !a.part2 ? resolutions.filter((r) => r.agendaItemId === a.agendaItemId).sort((x, y) => x.number - y.number).map((r) => r.text) : [];
          return `<li><h3>${a.number}. ${esc(a.title)}</h3><p class="meta">${esc([a.start, a.presenters, PURPOSE_LABEL[a.purpose]].filter(Boolean).join(' · '))}</p>${item}${decisions.length ? `<p><strong>Decided:</strong></p><ol>${decisions.map((d) => `<li>${esc(d)}</li>`).join('')}</ol>` : ''}</li>`;
        })
        .join('');
      pages.push({
        path: `${folder}/index.html`,
        html: page({
          title: `${board.name}, ${formatUkDate(m.date)}`,
          site,
          root,
          crumbs: crumbs(formatUkDate(m.date)),
          published,
          body: [
            `<h1>${esc(board.name)}: ${esc(when)}</h1>`,
            `<p>${esc(m.startTime)} to ${esc(m.endTime)}, ${esc(m.venue || 'venue to be confirmed')}.</p>`,
            hasAgenda ? `<p><a href="pack.pdf">The public agenda pack (PDF)</a></p>` : '',
            `<h2>Agenda</h2>`,
            hasAgenda ? `<ol class="agenda">${agenda}</ol>` : '<p>The agenda has not been published yet.</p>',
            `<h2>Minutes</h2>`,
            m.status === 'minutes-approved' ? `<p><a href="minutes.html">The minutes of this meeting</a>, approved by the board.</p>` : held ? '<p>The minutes will be published once the board approves them.</p>' : '<p>The meeting has not yet taken place.</p>',
            `<h2>Decisions</h2>`,
            held ? (resolutions.length ? '<p>Each decision is shown under its agenda item above.</p>' : '<p>No decisions were recorded.</p>') : '<p>The meeting has not yet taken place.</p>',
            `<h2>Actions</h2>`,
            `<p><a href="actions.html">The board’s action log</a> as at this meeting.</p>`,
          ].join('\n'),
        }),
      });
      for (const p of model.papers.filter((x) => x.state === 'received')) {
        for (const path of [...picturesIn(p.body), ...picturesIn(p.coverSheet.executiveSummary)]) images.add(path);
        const briefing = briefings.get(p.number);
        pages.push({
          path: `${folder}/item-${p.number}.html`,
          html: page({ title: `Item ${p.number}: ${p.title}`, site, root, crumbs: crumbs(formatUkDate(m.date), `Item ${p.number}`), published, body: blocksHtml([...paper(p), ...(briefing ? deepDive(briefing) : [])], root) }),
        });
      }
      if (minutes && m.status === 'minutes-approved')
        pages.push({ path: `${folder}/minutes.html`, html: page({ title: minutes.title, site, root, crumbs: crumbs(formatUkDate(m.date), 'Minutes'), published, body: blocksHtml(minutes.blocks, root) }) });
      const actions = meetingDocument(data, 'actions', { meetingId: m.id, variant: 'public', today: opts.today });
      pages.push({ path: `${folder}/actions.html`, html: page({ title: actions.title, site, root, crumbs: crumbs(formatUkDate(m.date), 'Action log'), published, body: blocksHtml(actions.blocks, root) }) });
    }
  }
  // The site's own search: the words of the pages above (all public), and the page that searches them.
  const texts = pages.filter((p) => p.path.endsWith('.html')).map((p) => ({ url: p.path, ...pageText(p.html) }));
  pages.push({ path: 'search.html', html: page({ title: 'Search', site, root: '', crumbs: [{ label: 'Search' }], published, body: siteSearchBody }) });
  pages.push({ path: 'search-index.js', html: `window.QUORUM_SEARCH = ${JSON.stringify(siteSearchIndex(texts))};\n` });
  pages.push({ path: 'search.js', html: siteSearchScript() });
  pages.push({ path: 'style.css', html: STYLE.trimStart() });
  return { pages, packs, images: [...images].sort() };
};
