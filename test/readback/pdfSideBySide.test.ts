import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePack, type PackModel } from '../../shared/pack/model';
import type { ImageLibrary } from '../../shared/pack/markdown/images';
import { referencedImages } from '../../shared/pack/preflight';
import { readImages } from '../../main/services/packs';
import { QuorumStore } from '../../main/services/store/store';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import { printPack, type PdfPack } from '../../main/services/pdf/pdfPack';
import type { PdfPrinter } from '../../main/services/pdf/printer';
import { destinationPages, outlineTitles } from '../../main/services/pdf/structure';
import { readPdfObjects } from '../../main/services/pdf/pdfObjects';
import { preparePackMeeting } from '../../scripts/benchPack';
import { TEST_TODAY, tempDir } from '../helpers';
import { WAIT } from '../waits';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const sizes = (file: string) => [...execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+(.+)/g)].map((m) => m[1]);
/** The words of a page's "Page X of Y" and where each starts, in points: pdftotext's word boxes. */
const footerAt = (file: string, page: number) => {
  const words = [...execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
  const at = words.findIndex((w, i) => w[3] === 'Page' && words[i + 2]?.[3] === 'of');
  return words.slice(at, at + 4).map((w) => ({ word: w[3], x: Number(w[1]) }));
};
const layoutText = (file: string, page?: number) => execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });

/**
 * The tag tree as a screen reader walks it: each structure element's role and depth, each marked
 * content's page, each link's annotation's page and target (ISO 32000-1 §14.7).
 */
const tagTree = async (bytes: Uint8Array): Promise<string[]> => {
  const doc = await readPdfObjects(bytes);
  const pageOf = new Map(doc.pageRefs().map((r, i) => [r, i + 1]));
  const out: string[] = [];
  const walk = (o: PDFObject | undefined, depth: number, page: number | undefined) => {
    const node = doc.lookup(o);
    if (node instanceof PDFArray) return node.asArray().forEach((k) => walk(k, depth, page));
    if (node instanceof PDFNumber) return void out.push(`${'  '.repeat(depth)}content on page ${page}`);
    if (!(node instanceof PDFDict)) return;
    const pg = node.get(PDFName.of('Pg'));
    const onPage = pg instanceof PDFRef ? pageOf.get(pg.toString()) : page;
    const type = node.get(PDFName.of('Type'));
    if (type instanceof PDFName && type.asString() === '/OBJR') {
      const annot = doc.lookup(node.get(PDFName.of('Obj')));
      return void out.push(`${'  '.repeat(depth)}link on page ${onPage} to ${annot instanceof PDFDict ? String(annot.get(PDFName.of('Dest'))) : '?'}`);
    }
    out.push(`${'  '.repeat(depth)}${String(node.get(PDFName.of('S')))}`);
    walk(node.get(PDFName.of('K')), depth + 1, onPage);
  };
  const root = doc.lookup(doc.catalog.get(PDFName.of('StructTreeRoot')));
  if (root instanceof PDFDict) walk(root.get(PDFName.of('K')), 0, undefined);
  return out;
};

/**
 * Every page's and every link's key into the structure parent tree names an entry of it (§14.7.4.4):
 * what a screen reader follows from the page back to the tags.
 */
const parentTreeHoles = async (bytes: Uint8Array): Promise<string[]> => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const keys = new Set<number>();
  for (let i = 0; i < nums.size(); i += 2) keys.add((nums.get(i) as PDFNumber).asNumber());
  const holes: string[] = [];
  doc.getPages().forEach((page, i) => {
    const key = page.node.get(PDFName.of('StructParents'));
    if (key instanceof PDFNumber && !keys.has(key.asNumber())) holes.push(`page ${i + 1}`);
    for (const annot of page.node.Annots()?.asArray() ?? []) {
      const k = doc.context.lookup(annot, PDFDict).get(PDFName.of('StructParent'));
      if (k instanceof PDFNumber && !keys.has(k.asNumber())) holes.push(`a link on page ${i + 1}`);
    }
  });
  expect(keys.size).toBeGreaterThan(doc.getPageCount());
  return holes;
};

/**
 * A long pack is laid out as several documents side by side, one a core, and joined into the PDF
 * a single print would have given (main/services/pdf/splitPack.ts, joinPrints.ts): the same pages,
 * text, tags, bookmarks and contents, numbered "Page X of Y" through the whole.
 */
describe('a PDF pack laid out as documents side by side and joined', () => {
  let printer: PdfPrinter;
  const t = tempDir();
  const dir = join(t.dir, 'data');
  let model: PackModel;
  let images: ImageLibrary;
  const printed: Record<'whole' | 'joined' | 'cli', { pack: PdfPack; file: string }> = {} as never;
  let prints = 0;

  beforeAll(async () => {
    // A long meeting (100 papers of four pages), as the bench makes it: about 400 pages, long
    // enough for the CLI to lay it out as two documents (PIECE_SIZE).
    await preparePackMeeting(dir, 100, 4, ROOT);
    const store = QuorumStore.open(dir, { user: 'test', device: 'test' });
    model = assemblePack(store.data, 'meeting:ct-next', 'full', TEST_TODAY);
    store.close();
    images = readImages(dir, referencedImages(model));
    const chromium = await launchChromiumPrinter();
    printer = { concurrency: chromium.concurrency, print: (doc) => (prints++, chromium.print(doc)), close: () => chromium.close() };
    for (const [name, pieces] of [['whole', 1], ['joined', 3]] as const) {
      prints = 0;
      const pack = await printPack(model, images, printer, undefined, { pieces });
      expect(prints, name).toBe(pieces);
      const file = join(t.dir, `${name}.pdf`);
      writeFileSync(file, pack.bytes);
      printed[name] = { pack, file };
    }
  }, WAIT.readBack);
  afterAll(async () => {
    await printer.close();
    t.cleanup();
  });

  it('has the pages, sizes and text a single print has, each page numbered through the whole pack', () => {
    const { whole, joined } = printed;
    const pages = pageCount(whole.file);
    expect(pages).toBeGreaterThan(350);
    expect(pageCount(joined.file)).toBe(pages);
    expect(sizes(joined.file)).toEqual(sizes(whole.file));
    expect(layoutText(joined.file)).toEqual(layoutText(whole.file));
    const eachPage = layoutText(joined.file).split('\f');
    for (let p = 1; p <= pages; p++) expect(eachPage[p - 1], `page ${p}`).toContain(`Page ${p} of ${pages}`);
    // Centred where a single print centres it, "11" kerned alike.
    for (const p of [1, 11, 99, 111, pages]) {
      const [was, now] = [footerAt(whole.file, p), footerAt(joined.file, p)];
      expect(now.map((w) => w.word), `page ${p}`).toEqual(was.map((w) => w.word));
      now.forEach((w, i) => expect(Math.abs(w.x - was[i].x), `page ${p}, "${w.word}"`).toBeLessThan(0.1));
    }
    // Laid out afresh in each document: pages after the first document's end counted on, not from 1.
    expect(layoutText(joined.file, pages)).not.toContain('Page 1 of');
  });

  it('lists each part in its contents on the page it starts, and links there', async () => {
    const { whole, joined } = printed;
    expect(joined.pack.pages).toEqual(whole.pack.pages);
    expect(joined.pack.contents).toEqual(whole.pack.contents);
    expect(await destinationPages(joined.pack.bytes)).toEqual(await destinationPages(whole.pack.bytes));
    // The last part, well past the first document, is numbered in the contents with the page it starts on.
    const last = joined.pack.contents.at(-1)!;
    const page = joined.pack.pages[last.id];
    expect(page).toBeGreaterThan(pageCount(joined.file) / 2);
    const start = last.text.slice(0, 9); // "Item 42: "
    const front = layoutText(joined.file).split('\f').slice(0, Math.min(...Object.values(joined.pack.pages)) - 1).join('\n');
    expect(front).toMatch(new RegExp(`${start}[\\s\\S]{0,200}?\\s${page}\\n`));
    expect(layoutText(joined.file, page)).toContain(start);
  });

  it('is one tagged document: the same tag tree in page order, with every link and page in its parent tree, and the same bookmarks', async () => {
    const { whole, joined } = printed;
    expect(execFileSync('pdfinfo', [joined.file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const tags = await tagTree(joined.pack.bytes);
    expect(tags.length).toBeGreaterThan(200);
    expect(tags).toEqual(await tagTree(whole.pack.bytes));
    expect(await parentTreeHoles(joined.pack.bytes)).toEqual([]);
    expect(await outlineTitles(joined.pack.bytes)).toEqual(await outlineTitles(whole.pack.bytes));
  });

  it('is read whole, without complaint, by poppler and pdf-lib', async () => {
    const { joined } = printed;
    const checked = await run('pdfinfo', [joined.file]);
    expect(checked.stderr).toBe('');
    const rendered = await run('pdftoppm', ['-r', '20', '-f', '1', '-l', '3', '-png', joined.file, join(t.dir, 'look')]);
    expect(rendered.stderr).toBe('');
    const doc = await PDFDocument.load(joined.pack.bytes, { throwOnInvalidObject: true, updateMetadata: false });
    expect(doc.getPageCount()).toBe(pageCount(joined.file));
    expect(doc.getTitle()).toBe(model.title);
  });

  it('prints the pack whole instead when the documents cannot be joined exactly, with the same result', async () => {
    // A printer whose prints carry an update after them (not Chromium's shape): the join declines.
    let count = 0;
    const updating: PdfPrinter = {
      concurrency: 3,
      print: async (doc) => {
        count++;
        const objects = await readPdfObjects(await printer.print(doc));
        return objects.update(new Map([[objects.table!.trailer.get(PDFName.of('Root')) as PDFRef, objects.catalog]]));
      },
      close: async () => {},
    };
    const pack = await printPack(model, images, updating, undefined, { pieces: 3 });
    expect(count).toBe(4);
    const file = join(t.dir, 'declined.pdf');
    writeFileSync(file, pack.bytes);
    expect(layoutText(file)).toEqual(layoutText(printed.whole.file));
    expect(pack.pages).toEqual(printed.whole.pack.pages);
  }, WAIT.readBack);

  it('is what the CLI prints for a long pack, laid out side by side, one document a core, saying so as it goes', async () => {
    const file = join(t.dir, 'cli.pdf');
    const args = [join(ROOT, 'bin', 'quorum.js'), 'pack', '--data', dir, '--meeting', 'meeting:ct-next', '--variant', 'full', '--out', file, '--override-reason', 'a long meeting', '--today', TEST_TODAY];
    const { stderr } = await run(process.execPath, args);
    expect(stderr).toContain('Joining the pages laid out side by side');
    expect(layoutText(file)).toEqual(layoutText(printed.whole.file));
    expect(await outlineTitles(readFileSync(file))).toEqual(await outlineTitles(printed.whole.pack.bytes));
  }, WAIT.readBack);
});
