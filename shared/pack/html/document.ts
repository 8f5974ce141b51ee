import type { PackModel } from '../model';
import { formatUkDate } from '../../rules/dates';
import { itemsLabel, itemsPlan, packPlan } from '../parts/plan';
import { fitImage, loadImage, type ImageLibrary } from '../markdown/images';
import { PORTRAIT_TEXT_PX } from '../docx/page';
import { cssString, esc } from './escape';
import { CONTENTS_MARK, toHtml } from './render';
import type { PictureSource } from './markdown';
import type { PackBlock } from '../parts/blocks';

/** A level 1 heading of the pack, as the contents lists it: `id` is its anchor (a named destination in the PDF). */
export type ContentsEntry = { id: string; text: string };

export type PackHtml = {
  html: string;
  contents: ContentsEntry[];
  /** With `pictures: 'named'`: each picture the page shows, by the relative URL it gives it. */
  pictures: Map<string, { mime: string; bytes: Uint8Array }>;
};

/** The id of the element that holds a contents entry's page number (empty until the pages are known). */
export const contentsPageId = (entryId: string) => `page-${entryId}`;

const MIME = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp' } as const;

const base64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** Pictures from the data folder as data: URLs, so the page needs nothing outside itself. */
export const inlinePictures = (images: ImageLibrary, maxWidth = PORTRAIT_TEXT_PX): PictureSource => {
  const cache = new Map<string, ReturnType<PictureSource>>();
  return (path) => {
    if (!cache.has(path)) {
      const image = loadImage(images, path);
      cache.set(path, image ? { src: `data:${MIME[image.type]};base64,${base64(image.data)}`, ...fitImage(image.width, image.height, maxWidth) } : undefined);
    }
    return cache.get(path);
  };
};

/**
 * Pictures from the data folder named by a relative URL (`pictures/1.png`), each once however
 * many papers show it, and collected in `named` for the printer to serve with the page
 * (main/services/pdf/printer.ts): a chart in every paper is then read and decoded once, not
 * carried and decoded as text at every place it appears.
 */
export const namedPictures = (images: ImageLibrary, named: PackHtml['pictures'], maxWidth = PORTRAIT_TEXT_PX): PictureSource => {
  const cache = new Map<string, ReturnType<PictureSource>>();
  return (path) => {
    if (!cache.has(path)) {
      const image = loadImage(images, path);
      if (!image) cache.set(path, undefined);
      else {
        const src = `pictures/${named.size + 1}.${image.type}`;
        named.set(src, { mime: MIME[image.type], bytes: image.data });
        cache.set(path, { src, ...fitImage(image.width, image.height, maxWidth) });
      }
    }
    return cache.get(path);
  };
};

/**
 * The print style: A4 with 2 cm margins as the Word pack, "Page X of Y" at the foot of every page
 * and a running header naming board, date and part on every page but the cover (CSS Paged Media:
 * named pages with @page margin boxes, which Chromium lays out). Each part starts a page; a wide
 * table has a landscape page of its own; table header rows repeat on every page.
 */
const style = (primary: string, pages: { name: string; header: string }[]): string => `
@page { size: A4; margin: 22mm 20mm 20mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #404040; } }
@page cover { @top-center { content: none; } }
${pages.map((p) => `@page ${p.name} { @top-center { content: ${cssString(p.header)}; font: 9pt Arial, sans-serif; color: #404040; } }\n@page ${p.name}-wide { size: A4 landscape; @top-center { content: ${cssString(p.header)}; font: 9pt Arial, sans-serif; color: #404040; } }`).join('\n')}
@media screen { body { display: none; } }
html { font: 11pt/1.4 Arial, sans-serif; color: #000; }
body { margin: 0; }
section.part { break-before: page; }
section.part:first-of-type { break-before: auto; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; margin: 1em 0 0.4em; }
h1 { font-size: 16pt; color: ${primary}; margin-top: 0; }
h2 { font-size: 14pt; color: ${primary}; }
h3 { font-size: 13pt; } h4 { font-size: 12pt; } h5, h6 { font-size: 11pt; }
h1.new-page { break-before: page; }
section.part > h1.new-page:first-child { break-before: auto; }
p { margin: 0 0 0.5em; orphans: 2; widows: 2; }
.title { font-size: 26pt; font-weight: bold; color: ${primary}; margin: 0 0 12pt; }
.subtitle { font-size: 16pt; color: #404040; margin: 0 0 10pt; }
.gap { height: 24pt; }
.notice { font-weight: bold; border-left: 4pt solid ${primary}; padding-left: 8pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.8em; }
th, td { border: 0.5pt solid #808080; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #DEEAF6; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.facts th { width: 32%; }
.rag-red { background: #F4CCCC; } .rag-amber { background: #FFE699; } .rag-green { background: #C6EFCE; }
h2.agenda-item { font-size: 11pt; color: inherit; margin: 0; }
img { max-width: 100%; height: auto; }
blockquote { margin: 0 0 0.5em 1.5em; font-style: italic; color: #404040; }
pre { font: 10pt 'Courier New', monospace; white-space: pre-wrap; margin-left: 1em; }
.wide { break-before: page; break-after: page; }
.toc-title { font-size: 16pt; color: ${primary}; }
ol.toc { list-style: none; padding: 0; margin: 0; }
ol.toc li { margin: 0 0 4pt; }
ol.toc a { display: flex; color: inherit; text-decoration: none; }
ol.toc .toc-text { flex: 0 1 auto; }
ol.toc .toc-leader { flex: 1 0 2em; border-bottom: 1pt dotted #808080; margin: 0 4pt 4pt; }
ol.toc .toc-page { flex: 0 0 auto; text-align: right; }
`;

/**
 * The pack as one HTML document for Chromium to print as the PDF pack: the same parts as the Word
 * pack (shared/pack/parts), the document's title and language set (the PDF's Title and /Lang),
 * and a contents whose page numbers are `pages` (anchor id → page), once a first printing has
 * found them (main/services/pdf). Nothing outside the document is loaded: pictures are inlined.
 */
export const packHtml = (
  model: PackModel,
  images: ImageLibrary,
  pages: Readonly<Record<string, number>> = {},
  opts: { items?: readonly number[]; pictures?: 'inline' | 'named' } = {},
): PackHtml => {
  const named: PackHtml['pictures'] = new Map();
  const picture = opts.pictures === 'named' ? namedPictures(images, named) : inlinePictures(images);
  const logoFile = model.partnership.logo ? `images/${model.partnership.logo.file}` : undefined;
  const logoImage = logoFile ? loadImage(images, logoFile) : undefined;
  const logo = logoImage && model.partnership.logo ? { src: picture(logoFile!)!.src, alt: model.partnership.logo.altText, ...fitImage(logoImage.width, logoImage.height, 240) } : undefined;
  const contents: ContentsEntry[] = [];
  const headerOf = (label: string) => `${model.board.name} · ${formatUkDate(model.meeting.date)} · ${label}`;
  const pageNames: { name: string; header: string }[] = [{ name: 'contents', header: headerOf('Contents') }];
  const plan = opts.items ? itemsPlan(model, opts.items) : packPlan(model);
  const title = opts.items ? `${model.board.name}, ${formatUkDate(model.meeting.date)}: ${itemsLabel(opts.items)}${model.variant === 'full' && plan.some((p) => p.label.endsWith('not for publication')) ? ' (not for publication)' : ''}` : model.title;
  const sections = plan.map((part, i) => {
    const name = part.cover ? 'cover' : `part-${i}`;
    if (!part.cover) pageNames.push({ name, header: headerOf(part.label) });
    const blocks = part.make();
    // The contents opens the agenda in Word; here it has a page of its own, headed "Contents".
    const opening = blocks[0]?.kind === 'contents' ? `<section class="part" style="page: contents" aria-label="Contents">${CONTENTS_MARK}</section>\n` : '';
    const body = toHtml(opening ? blocks.slice(1) : blocks, {
      picture,
      logo,
      topHeading: (text) => {
        const id = `p${i}-${contents.length + 1}`;
        contents.push({ id, text });
        return id;
      },
      wide: (table) => `<div class="wide" style="page: ${name}-wide">${table}</div>`,
    });
    return `${opening}<section class="part" style="page: ${name}" aria-label="${esc(part.cover ? 'Cover' : part.label)}">${body}</section>`;
  });
  const toc =
    `<nav class="toc" aria-labelledby="toc-title"><h1 class="toc-title" id="toc-title">Contents</h1><ol class="toc">` +
    contents
      .map((c) => `<li><a href="#${esc(c.id)}"><span class="toc-text">${esc(c.text)}</span><span class="toc-leader" aria-hidden="true"></span><span class="toc-page" id="${esc(contentsPageId(c.id))}">${pages[c.id] ?? ''}</span></a></li>`)
      .join('') +
    `</ol></nav>`;
  const body = sections.join('\n').replace(CONTENTS_MARK, toc);
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="author" content="${esc(model.partnership.name)}">
<meta name="description" content="${esc(model.variant === 'public' ? 'Public pack' : 'Full pack: contains exempt information')}">
<style>${style(model.partnership.colours.primary, pageNames)}</style>
</head>
<body>
${body}
</body>
</html>`;
  return { html, contents, pictures: named };
};

/**
 * A document other than the pack (the yearly report) as HTML for Chromium to print: the pack's
 * print style, one running header, its level 1 headings as the PDF's bookmarks, no contents page.
 */
export const documentHtml = (doc: { title: string; author: string; primaryColour: string; header: string; blocks: readonly PackBlock[] }): string => {
  let n = 0;
  const body = toHtml(doc.blocks, { picture: () => undefined, topHeading: () => `h${++n}`, wide: (t) => `<div class="wide" style="page: doc-wide">${t}</div>` });
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(doc.title)}</title>
<meta name="author" content="${esc(doc.author)}">
<style>${style(doc.primaryColour, [{ name: 'doc', header: doc.header }])}</style>
</head>
<body>
<section class="part" style="page: doc">${body}</section>
</body>
</html>`;
};
