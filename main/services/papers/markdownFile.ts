import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Lexer, type Token } from 'marked';
import { imagePath } from '../../../shared/pack/markdown/images';
import { QuorumFailure } from '../../../shared/result';
import { saveImage } from './imageFiles';

/** Bytes that are not UTF-8 text (a spreadsheet or PDF renamed .md) are refused, not imported as noise. */
const decodeText = (bytes: Buffer, fileName: string): string => {
  if (bytes.includes(0)) throw new QuorumFailure('invalid-input', `${fileName} is not a text file (it contains binary data). Import a .md file or a Word .docx.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    throw new QuorumFailure('invalid-input', `${fileName} is not UTF-8 text. Save it as UTF-8 in your editor and import it again.`);
  }
};

const imageHrefs = (tokens: Token[], out: Set<string> = new Set()): Set<string> => {
  for (const t of tokens) {
    if (t.type === 'image') out.add((t as Token & { href: string }).href);
    const children = (t as { tokens?: Token[] }).tokens;
    if (children) imageHrefs(children, out);
    if (t.type === 'list') for (const item of (t as Token & { items: Token[] }).items) imageHrefs([item], out);
    if (t.type === 'table') {
      const table = t as Token & { header: { tokens: Token[] }[]; rows: { tokens: Token[] }[][] };
      for (const cell of [...table.header, ...table.rows.flat()]) imageHrefs(cell.tokens, out);
    }
  }
  return out;
};

/**
 * The file a picture link names, if it lies in the paper's own folder or below (after following
 * symbolic links); null for an absolute path, a `../` path or a link out of the folder. Without
 * this a .md paper could pull any picture on the disk into the public pack.
 */
const insideFolder = (folder: string, link: string): string | null => {
  if (isAbsolute(link) || /^[a-z]:/i.test(link) || link.startsWith('\\')) return null;
  const target = resolve(folder, link);
  if (!within(resolve(folder), target)) return null;
  if (existsSync(target) && !within(realpathSync(folder), realpathSync(target))) return null;
  return target;
};
const within = (base: string, path: string) => {
  const rel = relative(base, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * A Markdown paper. Pictures it links beside itself (`![Chart](charts/q2.png)`) are copied into
 * the data folder's `images/` and the links rewritten, so the paper no longer depends on where
 * the file came from.
 */
export const markdownFileToMarkdown = (bytes: Buffer, file: string, dataDir: string, slug: string, fileName: string) => {
  let markdown = decodeText(bytes, fileName);
  const images: string[] = [];
  const notes: string[] = [];
  const unresolved: string[] = [];
  const outside: string[] = [];
  for (const href of imageHrefs(new Lexer().lex(markdown))) {
    if (imagePath(href) && existsSync(resolve(dataDir, imagePath(href)!))) {
      images.push(imagePath(href)!);
      continue;
    }
    let local: string;
    try {
      local = decodeURIComponent(href);
    } catch {
      local = href;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      unresolved.push(href);
      continue;
    }
    const source = insideFolder(dirname(file), local);
    if (!source) {
      outside.push(href);
      continue;
    }
    if (!existsSync(source) || !statSync(source).isFile()) {
      unresolved.push(href);
      continue;
    }
    const saved = saveImage(dataDir, readFileSync(source), slug);
    if ('unsupported' in saved) {
      unresolved.push(href);
      continue;
    }
    images.push(saved.path);
    markdown = markdown.split(`](${href}`).join(`](${saved.path}`).split(`](<${href}>`).join(`](${saved.path}`);
  }
  if (outside.length)
    notes.push(
      `${outside.length === 1 ? 'A picture was' : `${outside.length} pictures were`} not imported because ${outside.length === 1 ? 'it is' : 'they are'} outside the paper’s own folder (${outside.slice(0, 3).join(', ')}). A paper may use pictures only from its own folder and the folders inside it: move the picture there and import the paper again.`,
    );
  if (unresolved.length)
    notes.push(`${unresolved.length} picture${unresolved.length === 1 ? '' : 's'} could not be found beside the file or ${unresolved.length === 1 ? 'is' : 'are'} not PNG, JPEG, GIF or BMP (${unresolved.slice(0, 3).join(', ')}); pre-flight will list ${unresolved.length === 1 ? 'it' : 'them'}.`);
  return { markdown: markdown.trim(), notes, images: [...new Set(images)] };
};
