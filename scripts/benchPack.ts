/**
 * The pack against pandoc, side by side (npm run bench; alone: npx tsx scripts/benchPack.ts).
 *
 * A meeting of about 300 and about 1,000 pages is generated (papers with headings, lists, tables
 * and a picture); the same papers are written as one Markdown file. Whole processes are then timed
 * in alternation, round by round: `node bin/quorum.js pack` (the built CLI, as an officer runs it)
 * and `pandoc -f markdown -t docx`. Printed for each: median and fastest wall time, peak RSS (GNU
 * time's maximum resident set), the pages LibreOffice lays out for each document, and the median of
 * the per-round ratios. Figures, not a pass/fail test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QuorumStore } from '../main/services/store/store';
import { saveImage } from '../main/services/papers/imageFiles';
import { listRecords } from '../shared/data';
import { markdownTable } from './table';

const THEMES = ['Early help', 'Neglect', 'Exploitation', 'Missing children', 'Domestic abuse', 'Mental health', 'School attendance', 'Youth justice', 'Placements', 'Care leavers'];

/** One paper of about `pages` pages: headings, running text, both kinds of list, a table and a chart. */
const paper = (n: number, pages: number, picture: string) => {
  const theme = THEMES[n % THEMES.length];
  const para = (k: number) =>
    `Partners reviewed the ${theme.toLowerCase()} pathway in quarter ${(k % 4) + 1}. Referrals from schools, health visitors and the police rose, and the multi-agency panel met fortnightly to agree plans for children at risk. The audit of ${20 + k} cases found chronologies in most files, with gaps where agencies held information the panel did not see; the board is asked to note the findings and the actions that follow.`;
  const out = [`## Summary`, para(n), `## Findings`];
  for (let s = 0; s < pages; s++) {
    out.push(`### Finding ${s + 1}: ${theme} in practice`, para(s), para(s + 1));
    out.push(['- Chronologies in place in most cases', '- Strategy discussions held within five working days', '- Voice of the child recorded on the plan'].join('\n'));
    out.push(['1. Share the audit with each agency', '2. Report progress to the next meeting', '3. Repeat the audit in six months'].join('\n'));
    if (s % 2 === 0) {
      out.push(['| Quarter | Referrals | Assessments | Plans | Closed |', '| --- | --: | --: | --: | --: |', ...[1, 2, 3, 4].map((q) => `| Q${q} | ${100 + q * n} | ${80 + q} | ${40 + q} | ${30 + q} |`)].join('\n'));
      out.push(`![Referrals by quarter for ${theme.toLowerCase()}](${picture})`);
    }
  }
  return out.join('\n\n');
};

type Run = { seconds: number; rssMiB: number };
const timed = (command: string, args: string[], cwd: string): Run => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr.slice(-600)}`);
  const [seconds, kib] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, rssMiB: kib / 1024 };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pagesOf = (docx: string, scratch: string): number => {
  const out = join(scratch, 'pdf');
  mkdirSync(out, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${join(scratch, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'pipe', timeout: 600_000 });
  const pdf = join(out, docx.split('/').at(-1)!.replace(/\.docx$/, '.pdf'));
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
};

/**
 * A data folder (the example) whose next Children's Trust meeting carries `papers` generated papers
 * of about `pagesEach` pages; the same papers as one Markdown file, papers.md, for pandoc.
 */
export const preparePackMeeting = async (dir: string, papers: number, pagesEach: number, root: string) => {
  const quorum = join(root, 'bin', 'quorum.js');
  execFileSync(process.execPath, [quorum, 'example', '--data', dir], { stdio: 'pipe' });
  const store = QuorumStore.open(dir, { user: 'bench', device: 'bench' });
  const picture = saveImage(dir, new Uint8Array(readFileSync(join(root, 'docs', 'actions.png'))), 'chart');
  if (!('path' in picture)) throw new Error('the benchmark picture could not be kept');
  const meetingId = 'meeting:ct-next';
  const markdown: string[] = [];
  for (let n = 0; n < papers; n++) {
    const title = `${THEMES[n % THEMES.length]}: quarterly report ${n + 1}`;
    await store.run('agenda:add', { meetingId, title, purpose: 'discussion', durationMinutes: 5, presenterIds: [], paperRequested: true });
    const item = listRecords(store.data, 'agendaItem').find((i) => i.meetingId === meetingId && i.title === title)!;
    const body = paper(n, pagesEach, picture.path);
    await store.run('paper:updateBody', { agendaItemId: item.id, body });
    markdown.push(`# ${title}`, body);
  }
  const paperCount = listRecords(store.data, 'agendaItem').filter((i) => i.meetingId === meetingId && i.paper?.body.trim()).length;
  store.close();
  writeFileSync(join(dir, 'papers.md'), markdown.join('\n\n'));
  return { meetingId, paperCount };
};

export const comparePackWithPandoc = async (opts: { root: string; scratch: string; rounds?: number }): Promise<string> => {
  for (const tool of ['/usr/bin/time', '/usr/bin/pandoc', '/usr/bin/soffice', '/usr/bin/pdfinfo'])
    if (!existsSync(tool)) throw new Error(`${tool} is needed for the pack comparison: apt-get install -y --no-install-recommends time pandoc libreoffice-writer-nogui poppler-utils`);
  const quorum = join(opts.root, 'bin', 'quorum.js');
  const rounds = opts.rounds ?? 5;
  const rows: string[][] = [];
  const pdfRows: string[][] = [];
  for (const [label, papers, pagesEach] of [
    ['~300 pages', 85, 4],
    ['~1,000 pages', 290, 4],
  ] as const) {
    const dir = join(opts.scratch, `pack-${papers}`);
    const { meetingId, paperCount } = await preparePackMeeting(dir, papers, pagesEach, opts.root);
    const md = join(dir, 'papers.md');
    const quorumOut = join(dir, 'pack.docx');
    const pandocOut = join(dir, 'pandoc.docx');
    const q: Run[] = [];
    const p: Run[] = [];
    for (let r = 0; r < rounds; r++) {
      // Alternated pair by pair, so neither gets the warmer cache throughout.
      const first = r % 2 === 0;
      const runQuorum = () => q.push(timed(process.execPath, [quorum, 'pack', '--data', dir, '--meeting', meetingId, '--variant', 'full', '--out', quorumOut, '--override-reason', 'benchmark'], dir));
      const runPandoc = () => p.push(timed('/usr/bin/pandoc', ['-f', 'markdown', '-t', 'docx', '--resource-path', dir, '-o', pandocOut, md], dir));
      for (const run of first ? [runQuorum, runPandoc] : [runPandoc, runQuorum]) run();
    }
    if (label.startsWith('~300')) {
      // The PDF pack of the same meeting, laid out in Chromium (two printings: the second numbers the contents).
      const pdfOut = join(dir, 'pack.pdf');
      const pdf: Run[] = [];
      for (let r = 0; r < 3; r++) pdf.push(timed(process.execPath, [quorum, 'pack', '--data', dir, '--meeting', meetingId, '--variant', 'full', '--out', pdfOut, '--override-reason', 'benchmark'], dir));
      const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfOut], { encoding: 'utf8' }))?.[1] ?? 0);
      pdfRows.push([
        `${label} (${paperCount} papers)`,
        `${median(q.map((x) => x.seconds)).toFixed(2)} s, ${Math.round(Math.max(...q.map((x) => x.rssMiB)))} MiB`,
        `${median(pdf.map((x) => x.seconds)).toFixed(2)} s (fastest ${Math.min(...pdf.map((x) => x.seconds)).toFixed(2)}), ${Math.round(Math.max(...pdf.map((x) => x.rssMiB)))} MiB (Quorum's process; Chromium's are its own), ${pdfPages} pages`,
      ]);
    }
    const ratios = q.map((x, i) => p[i].seconds / x.seconds);
    const ratio = median(ratios);
    rows.push([
      `${label} (${paperCount} papers)`,
      `${median(q.map((x) => x.seconds)).toFixed(2)} s (fastest ${Math.min(...q.map((x) => x.seconds)).toFixed(2)}), ${Math.round(Math.max(...q.map((x) => x.rssMiB)))} MiB, ${pagesOf(quorumOut, dir)} pages`,
      `${median(p.map((x) => x.seconds)).toFixed(2)} s (fastest ${Math.min(...p.map((x) => x.seconds)).toFixed(2)}), ${Math.round(Math.max(...p.map((x) => x.rssMiB)))} MiB, ${pagesOf(pandocOut, dir)} pages`,
      ratio >= 1 ? `Quorum ${ratio.toFixed(2)}× faster` : `Quorum ${(1 / ratio).toFixed(2)}× slower`,
      label.startsWith('~300') ? '≥ 5× faster, ≤ 200 MiB' : '≥ 3× faster, ≤ 350 MiB',
    ]);
  }
  return [
    markdownTable(['Meeting', `quorum pack (median of ${rounds})`, `pandoc -f markdown -t docx (median of ${rounds})`, 'Median per-round ratio', 'Target'], rows),
    '',
    'The PDF pack of the same meeting (quorum pack … --out pack.pdf, laid out in Chromium):',
    markdownTable(['Meeting', `Word pack (median of ${rounds})`, 'PDF pack (median of 3)'], pdfRows),
  ].join('\n');
};

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const scratch = join((await import('node:os')).tmpdir(), `quorum-bench-pack-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  if (!existsSync(join(root, 'out/main/cli.js'))) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root });
  console.log(await comparePackWithPandoc({ root, scratch }));
}
