import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePack, type PackModel, type PackVariant } from '../../shared/pack/model';
import { outlineTitles } from '../../main/services/pdf/structure';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import { printPack } from '../../main/services/pdf/pdfPack';
import type { PdfPrinter } from '../../main/services/pdf/printer';
import { QuorumStore } from '../../main/services/store/store';
import { generatePartTwo } from '../fixtures/partTwo';
import { exampleData, readPackage, stamp } from '../docxPackage';
import { TEST_TODAY, tempDir } from '../helpers';
import { WAIT } from '../waits';

const run = promisify(execFile);
const QUORUM = resolve(import.meta.dirname, '../../bin/quorum.js');

/** pdftotext's reading of pages `from`..`to` (all when omitted), spaces run together. */
const textOf = (pdf: string, from?: number, to = from) =>
  execFileSync('pdftotext', [...(from ? ['-f', String(from), '-l', String(to)] : []), '-layout', pdf, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');
const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });

/** The contents page's lines: an entry's text, then the page it starts on. */
const contentsLines = (pdf: string): { text: string; page: number }[] => {
  const page = textOf(pdf, 2);
  expect(page).toContain('Contents');
  return [...page.matchAll(/^(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ text: m[1].trim(), page: Number(m[2]) }));
};

describe('the PDF pack, laid out in Chromium by the built CLI', () => {
  const t = tempDir();
  const packs: Record<PackVariant, { file: string; model: PackModel }> = {} as never;

  beforeAll(async () => {
    const dir = join(t.dir, 'data');
    await run(process.execPath, [QUORUM, 'example', '--data', dir, '--today', TEST_TODAY]);
    // A wide table in a paper: it goes on a landscape page of its own.
    const store = QuorumStore.open(dir, { user: 'test', device: 'test' });
    const item = store.data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem' || !item.paper) throw new Error('example changed');
    await store.run('paper:updateBody', { agendaItemId: item.id, body: `${item.paper.body}\n\n| A | B | C | D | E | F | G |\n|-|-|-|-|-|-|-|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n\nAfter the wide table.` });
    const data = store.data;
    store.close();
    for (const variant of ['public', 'full'] as const) {
      const file = join(t.dir, `${variant}.pdf`);
      const { stdout } = await run(process.execPath, [QUORUM, 'pack', '--data', dir, '--meeting', 'next', '--variant', variant, '--out', file, '--override-reason', 'papers to follow', '--json', '--today', TEST_TODAY]);
      expect(JSON.parse(stdout)).toMatchObject({ ok: true, format: 'pdf' });
      packs[variant] = { file, model: assemblePack(data, 'meeting:ct-next', variant, TEST_TODAY) };
    }
  }, WAIT.readBack);
  afterAll(() => t.cleanup());

  it('is a tagged PDF with the pack’s title, in A4, numbered "Page X of Y" under a header naming board, date and part', () => {
    for (const { file, model } of Object.values(packs)) {
      const about = info(file);
      expect(about).toMatch(/Tagged:\s+yes/);
      expect(readFileSync(file).toString('latin1')).toContain('/Lang (en-GB)');
      expect(about).toContain(`Title:           ${model.title}`);
      expect(about).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(about)![1]);
      const agendaPage = textOf(file, 3);
      expect(agendaPage).toContain(`Page 3 of ${pages}`);
      expect(squash(agendaPage)).toContain(`${model.board.name} · 15 December 2026 · Agenda`);
      expect(textOf(file, 1)).not.toContain('· Cover');
    }
  });

  it('lists every part in its contents with the page it starts on, and each starts there', () => {
    for (const { file } of Object.values(packs)) {
      const lines = contentsLines(file);
      expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Agenda', 'Action log', 'Forward plan', 'Item 4: Improvement plan: progress report']));
      for (const line of lines) expect(squash(textOf(file, line.page)), `${line.text} on page ${line.page}`).toContain(squash(line.text));
      // Pages only go forward through the pack.
      expect(lines.map((l) => l.page)).toEqual([...lines.map((l) => l.page)].sort((a, b) => a - b));
    }
  });

  it('runs each contents entry’s dotted leader from the end of its title up to its page number', () => {
    for (const { file } of Object.values(packs)) {
      // The contents page's lines, as the PDF places them (points from the top left)...
      const layout = execFileSync('pdftotext', ['-bbox-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
      const lines = [...layout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
      }));
      const heading = lines.find((l) => l.text === 'Contents')!;
      const titles = lines.filter((l) => l.yMin > heading.yMax && l.xMin < 100 && !/^Page \d+ of \d+$/.test(l.text));
      expect(titles.length).toBeGreaterThan(5);
      // ...and the page as printed, a pixel a point: just after each title, the leader's dots.
      const pgm = join(t.dir, 'contents');
      execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', '2', '-l', '2', '-singlefile', file, pgm]);
      const raster = readFileSync(`${pgm}.pgm`);
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(raster.toString('latin1', 0, 40))!;
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = raster.subarray(header[0].length);
      const inked = (x0: number, x1: number, y0: number, y1: number) => {
        for (let y = Math.floor(y0); y <= Math.min(height - 1, Math.ceil(y1)); y++) for (let x = Math.floor(x0); x <= Math.min(width - 1, Math.ceil(x1)); x++) if (pixels[y * width + x] < 230) return true;
        return false;
      };
      for (const title of titles) {
        expect(inked(title.xMax + 8, title.xMax + 30, title.yMin, title.yMax + 2), `the leader after “${title.text}”`).toBe(true);
        // ...and on to its page number: short of it by no more than the widest number's room (four figures).
        const number = lines.find((l) => /^\d+$/.test(l.text) && Math.abs(l.yMin - title.yMin) < 1)!;
        expect(inked(number.xMin - 27, number.xMin - 2, title.yMin, title.yMax + 2), `the leader up to the page of “${title.text}”`).toBe(true);
      }
    }
  });

  it('has a bookmark for every agenda item and every paper, and every agenda item in its text', async () => {
    for (const { file, model } of Object.values(packs)) {
      const outline = (await outlineTitles(readFileSync(file))).map((o) => o.title);
      const text = squash(textOf(file));
      for (const a of model.agenda) {
        const title = a.part2 ? `${a.title} (Part 2: exempt, paragraph ${a.part2.paragraph})` : a.title;
        expect(outline, `bookmark for item ${a.number}`).toContain(title);
        expect(text).toContain(squash(a.title));
      }
      for (const p of [...model.papers, ...model.part2Papers]) expect(outline).toContain(`Item ${p.number}: ${p.title}`);
    }
  });

  it('is printed alike by Chromium itself where the headless shell is not installed: the same pages, text, sizes, tags and bookmarks', async () => {
    // The CLI prefers Debian's chromium-headless-shell (browser.ts); an office with only Chromium,
    // Chrome or Edge gets the same pack. CI installs both.
    const shell = '/usr/lib/chromium/chromium-headless-shell';
    const chromium = '/usr/lib/chromium/chromium';
    expect(existsSync(shell), 'apt-get install chromium-headless-shell').toBe(true);
    expect(existsSync(chromium), 'apt-get install chromium').toBe(true);
    const printed = async (browser: string) => {
      const file = join(t.dir, `full-${browser.split('/').pop()}.pdf`);
      const { stdout } = await run(process.execPath, [QUORUM, 'pack', '--data', join(t.dir, 'data'), '--meeting', 'next', '--variant', 'full', '--out', file, '--override-reason', 'papers to follow', '--json', '--today', TEST_TODAY], {
        env: { ...process.env, QUORUM_CHROMIUM: browser },
      });
      expect(JSON.parse(stdout)).toMatchObject({ ok: true, format: 'pdf' });
      const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+(.+)/g)].map((m) => m[1]);
      return { text: textOf(file), sizes, tagged: /Tagged:\s+yes/.test(info(file)), outline: (await outlineTitles(readFileSync(file))).map((o) => o.title) };
    };
    const [byShell, byChromium] = [await printed(shell), await printed(chromium)];
    expect(byShell.tagged && byChromium.tagged).toBe(true);
    expect(byShell.sizes.length).toBeGreaterThan(5);
    expect(byChromium.sizes).toEqual(byShell.sizes);
    expect(byChromium.text).toEqual(byShell.text);
    expect(byChromium.outline).toEqual(byShell.outline);
  }, WAIT.readBack);

  it('puts a wide table on a landscape page, then goes back to portrait', () => {
    const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', '999', packs.full.file], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? 'L' : 'P')).join('');
    expect(sizes).toMatch(/^P+LP+$/);
  });

  it('fills the Word pack’s contents with the PDF’s page numbers when the PDF is of the same pack, and leaves them to Word when not', async () => {
    const dir = join(t.dir, 'data');
    const word = join(t.dir, 'full.docx');
    await run(process.execPath, [QUORUM, 'pack', '--data', dir, '--meeting', 'next', '--variant', 'full', '--out', word, '--override-reason', 'papers to follow', '--today', TEST_TODAY]);
    const entries = (docx: string) =>
      [...readPackage(readFileSync(docx)).document.matchAll(/<w:pStyle w:val="TOC1"\/>(?:(?!<\/w:p>)[\s\S])*?<w:t xml:space="preserve">([^<]*)<\/w:t>(?:(?!<\/w:p>)[\s\S])*?<w:fldChar w:fldCharType="separate"\/>(?:<w:t>(\d+)<\/w:t>)?/g)].map((m) => ({ text: m[1].replace(/&amp;/g, '&'), page: m[2] ? Number(m[2]) : undefined }));
    expect(entries(word)).toEqual(contentsLines(packs.full.file));
    // The instruction to the reader is gone from the contents.
    expect(readPackage(readFileSync(word)).text).not.toMatch(/Word updates the page numbers/);
    // The public pack's PDF says nothing about the full pack's pages.
    const publicWord = join(t.dir, 'public-other.docx');
    const store = QuorumStore.open(dir, { user: 'test', device: 'test' });
    await store.run('paper:updateBody', { agendaItemId: 'agendaItem:next-4', body: 'A shorter paper now.' });
    store.close();
    await run(process.execPath, [QUORUM, 'pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', publicWord, '--override-reason', 'papers to follow', '--today', TEST_TODAY]);
    expect(entries(publicWord).every((e) => e.page === undefined)).toBe(true);
  });

  it('prints one item’s paper, or a range, as a PDF of its own, held up only by what is wrong with those items', async () => {
    const dir = join(t.dir, 'data');
    const quorum = (...args: string[]) =>
      run(process.execPath, [QUORUM, 'pack', '--data', dir, '--meeting', 'next', '--today', TEST_TODAY, ...args]).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    // Items 5 and 6 have no paper yet (pre-flight errors), but item 4's printout needs no override.
    const one = join(t.dir, 'item4.pdf');
    expect(await quorum('--variant', 'public', '--out', one, '--items', '4')).toMatchObject({ code: 0 });
    expect(info(one)).toContain(`Title:           Eastmere Children’s Trust Board, 15 December 2026: Item 4`);
    const text = squash(textOf(one));
    expect(text).toContain('Item 4: Improvement plan: progress report');
    expect(text).toContain('Cover sheet');
    expect(text).not.toContain('Contents');
    expect(text).not.toContain('Action log');
    // The full pack's Part 2 paper prints from the full variant only.
    expect(await quorum('--variant', 'public', '--out', join(t.dir, 'item10.pdf'), '--items', '10')).toMatchObject({ code: 2, stderr: expect.stringContaining('Item 10 is in Part 2') });
    const exempt = join(t.dir, 'item10-full.pdf');
    expect(await quorum('--variant', 'full', '--out', exempt, '--items', '10')).toMatchObject({ code: 0 });
    expect(info(exempt)).toContain('Item 10 (not for publication)');
    expect(squash(textOf(exempt))).toContain('Not for publication: exempt information under Schedule 12A, paragraph 3');
    expect(await quorum('--variant', 'public', '--out', join(t.dir, 'x.pdf'), '--items', '7')).toMatchObject({ code: 2, stderr: expect.stringContaining('Item 7 (Partner updates) has no paper or briefing to print') });
    expect(await quorum('--variant', 'public', '--out', join(t.dir, 'x.docx'), '--items', '4')).toMatchObject({ code: 2, stderr: expect.stringContaining('give --out FILE.pdf') });
  });

  it('refuses with a message naming what to install when no browser is found, and writes nothing', async () => {
    const dir = join(t.dir, 'data');
    const file = join(t.dir, 'none.pdf');
    const r = await run(process.execPath, [QUORUM, 'pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', file, '--override-reason', 'x', '--today', TEST_TODAY], {
      env: { ...process.env, QUORUM_CHROMIUM: '/nonexistent/chromium' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('QUORUM_CHROMIUM is set to /nonexistent/chromium, which does not exist');
    expect(() => readFileSync(file)).toThrow();
  });
});

describe('the public PDF pack and Part 2', () => {
  let printer: PdfPrinter;
  const t = tempDir();
  beforeAll(async () => {
    printer = await launchChromiumPrinter();
  }, WAIT.readBack);
  afterAll(async () => {
    await printer.close();
    t.cleanup();
  });

  it('holds no Part 2 text in its pages or its properties, while the full PDF does', async () => {
    for (const spec of [
      { open: 1, exempt: 2, paragraph: 3 as const, markdownish: '# Heading', publicTitle: true },
      { open: 0, exempt: 1, paragraph: 1 as const, markdownish: '- a\n- b', publicTitle: false },
    ]) {
      const { data, secrets } = generatePartTwo(spec);
      const write = async (variant: PackVariant) => {
        const file = join(t.dir, `${variant}-${spec.paragraph}.pdf`);
        writeFileSync(file, (await printPack(assemblePack(data, 'meeting:next', variant, '2026-11-20'), {}, printer)).bytes);
        return file;
      };
      const publicFile = await write('public');
      const everything = `${textOf(publicFile)}\n${info(publicFile)}\n${execFileSync('pdfinfo', ['-meta', publicFile], { encoding: 'utf8' })}\n${(await outlineTitles(readFileSync(publicFile))).map((o) => o.title).join('\n')}`;
      for (const s of secrets) expect(everything.includes(s), `${s} in the public PDF`).toBe(false);
      expect(everything).toContain(`Exempt under Schedule 12A, paragraph ${spec.paragraph}`);
      const fullText = textOf(await write('full'));
      expect(secrets.some((s) => /BODY/.test(s) && fullText.includes(s))).toBe(true);
    }
  }, WAIT.readBack);
});

describe('the PDF pack’s pictures', () => {
  it('inlines a picture from the data folder, with its alt text, in the page the PDF is printed from', async () => {
    const data = exampleData(TEST_TODAY);
    const item = data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem' || !item.paper) throw new Error('example changed');
    const png = readFileSync(resolve(import.meta.dirname, '../../docs/actions.png'));
    const withPicture = { records: { ...data.records, [item.id]: stamp({ ...item, paper: { ...item.paper, body: '![Caseloads fell from 24 to 18](images/chart.png)' } }) } };
    const html = (await import('../../shared/pack/html/document')).packHtml(assemblePack(withPicture, 'meeting:ct-next', 'public', TEST_TODAY), { 'images/chart.png': new Uint8Array(png) }).html;
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Caseloads fell from 24 to 18"/);
  });
});
