import { strFromU8 } from 'fflate';
import { unzipChecked } from '../zip';
import { XMLParser } from 'fast-xml-parser';
import { QuorumFailure } from '../result';

/** One thing a partner did in Word: a comment on a passage, or a tracked insertion or deletion. */
export type WordReviewItem = {
  kind: 'comment' | 'insertion' | 'deletion';
  author: string;
  date: string | null;
  text: string;
  /** For a comment: the passage it is anchored to. */
  anchor: string;
  /** The numbered heading the item falls under ("3", "Reporting and challenge"), if any. */
  section: { number: string; heading: string } | null;
  /** The paragraph, for context in the message and to merge changes made in one place. */
  paragraph: number;
};

export type ReturnedCopy = { versionId: string | null; version: number | null; items: WordReviewItem[] };

type XNode = Record<string, XNode[] | Record<string, string> | string> & { ':@'?: Record<string, string> };
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });
const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XNode): XNode[] => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as XNode[]) : []);
const attr = (n: XNode, name: string) => n[':@']?.[name] ?? '';
const textIn = (nodes: XNode[], tags = ['w:t']): string =>
  nodes
    .map((n) => {
      const tag = tagOf(n);
      if (tag === '#text') return String(n['#text']);
      if (tags.includes(tag)) return kids(n).map((c) => String(c['#text'] ?? '')).join('');
      if (tag === 'w:tab') return ' ';
      return textIn(kids(n), tags);
    })
    .join('');

const read = (files: Record<string, Uint8Array>, name: string) => (files[name] ? strFromU8(files[name]) : undefined);

/** Word comments (word/comments.xml): id → author, date and text. */
const readComments = (xml: string | undefined) => {
  const out = new Map<string, { author: string; date: string | null; text: string }>();
  if (!xml) return out;
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      if (tagOf(n) === 'w:comment') out.set(attr(n, 'w:id'), { author: attr(n, 'w:author') || 'Unknown', date: attr(n, 'w:date') || null, text: textIn(kids(n)).trim() });
      else walk(kids(n));
    }
  };
  walk(parser.parse(xml) as XNode[]);
  return out;
};

const HEADING = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/;

/**
 * Reads a copy of the protocol that a partner returns from Word: the comments they added (with the
 * passage each is anchored to) and the changes they tracked, each under the numbered heading it
 * falls in. Revisions by "Quorum" are the export's own tracked changes, not the partner's.
 */
const RETURNED_COPY_PARTS = new Set(['word/document.xml', 'word/comments.xml', 'docProps/custom.xml']);

export const readReturnedCopy = (bytes: Uint8Array): ReturnedCopy => {
  let files: Record<string, Uint8Array>;
  try {
    // Only the three parts read here are inflated, each against a cap (shared/zip.ts).
    files = unzipChecked(bytes, (name) => RETURNED_COPY_PARTS.has(name), 'This file');
  } catch (err) {
    if (err instanceof QuorumFailure) throw err;
    throw new QuorumFailure('invalid-input', 'This file is not a Word document (.docx): it is not a zip package.');
  }
  const documentXml = read(files, 'word/document.xml');
  if (!documentXml) throw new QuorumFailure('invalid-input', 'This file is not a Word document: it has no word/document.xml.');
  const comments = readComments(read(files, 'word/comments.xml'));
  const custom = read(files, 'docProps/custom.xml') ?? '';
  const prop = (name: string) => new RegExp(`name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)?.[1] ?? null;
  // Quorum's own tracked changes are by the officer named in the copy (older copies: "Quorum").
  const own = new Set(['Quorum', prop('QuorumRevisionAuthor') ?? 'Quorum']);

  const items: WordReviewItem[] = [];
  let section: WordReviewItem['section'] = null;
  let paragraph = 0;
  const open = new Map<string, string[]>();
  const anchors = new Map<string, string>();
  const seen = new Set<string>();

  const visit = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        paragraph++;
        const style = JSON.stringify(kids(n).find((c) => tagOf(c) === 'w:pPr') ?? {});
        const text = textIn(kids(n)).trim();
        const m = /Heading/.test(style) ? HEADING.exec(text) : null;
        if (m) section = { number: m[1], heading: m[2].trim() };
        visit(kids(n));
        continue;
      }
      if (tag === 'w:commentRangeStart') open.set(attr(n, 'w:id'), []);
      else if (tag === 'w:commentRangeEnd') {
        const id = attr(n, 'w:id');
        anchors.set(id, (open.get(id) ?? []).join(''));
        open.delete(id);
      } else if (tag === 'w:commentReference') {
        const id = attr(n, 'w:id');
        const c = comments.get(id);
        if (c && !seen.has(id)) {
          seen.add(id);
          items.push({ kind: 'comment', author: c.author, date: c.date, text: c.text, anchor: (anchors.get(id) ?? open.get(id)?.join('') ?? '').trim(), section, paragraph });
        }
      } else if (tag === 'w:ins' || tag === 'w:del') {
        const author = attr(n, 'w:author') || 'Unknown';
        // Text directly in this change: a partner's deletion inside Quorum's insertion is its own w:del.
        const direct = kids(n).filter((c) => tagOf(c) !== 'w:ins' && tagOf(c) !== 'w:del');
        const text = tag === 'w:ins' ? textIn(direct) : textIn(direct, ['w:delText']);
        if (!own.has(author) && text.trim()) items.push({ kind: tag === 'w:ins' ? 'insertion' : 'deletion', author, date: attr(n, 'w:date') || null, text, anchor: '', section, paragraph });
        // Then what is inside: nested changes, comments, and the text anchors are made of.
      } else if (tag === 'w:t') {
        const t = textIn([n]);
        for (const parts of open.values()) parts.push(t);
      }
      visit(kids(n));
    }
  };
  visit(parser.parse(documentXml) as XNode[]);
  // Comments whose reference was not found in the body are still reported, never dropped.
  for (const [id, c] of comments) if (!seen.has(id)) items.push({ kind: 'comment', author: c.author, date: c.date, text: c.text, anchor: anchors.get(id) ?? '', section: null, paragraph: 0 });
  const version = prop('QuorumProtocolVersion');
  return { versionId: prop('QuorumProtocolVersionId'), version: version ? Number(version) : null, items };
};
