import { strFromU8 } from 'fflate';
import { unzipChecked } from '../zip';
import { attr, kids, parseXml, tagOf, type XNode } from '../ooxml';
import { QuorumFailure } from '../result';
import { PROTOCOL_CLOSING } from '../rules/protocolView';

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

export type ReturnedCopy = {
  versionId: string | null;
  version: number | null;
  items: WordReviewItem[];
  /** Each numbered section's text as sent, read back (the officer's changes made, the partner's undone). */
  sections: { number: string; heading: string; text: string }[];
};

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
  walk(parseXml(xml));
  return out;
};

const HEADING = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/;
const REVISIONS = new Set(['w:ins', 'w:del', 'w:moveTo', 'w:moveFrom']);

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
  // A comment belongs where its passage starts: Word ends a range that takes in a whole paragraph
  // in the next one, which may be the next section's heading.
  const startedAt = new Map<string, { section: WordReviewItem['section']; paragraph: number }>();
  const seen = new Set<string>();
  // The text of each section as the officer sent it, read back from the copy: the officer's own
  // changes taken as made, the partner's undone. Where it differs from the version sent, the
  // partner rejected a change or edited without tracking (planReturnedCopy compares them).
  const sent = new Map<string, { section: NonNullable<WordReviewItem['section']>; paragraphs: string[] }>();
  let current: string[] | null = null;

  type Within = { partnerIns: boolean; ownDel: boolean; partnerDel: boolean };
  const inside = (tag: string, author: string, within: Within): Within => {
    const mine = own.has(author || 'Unknown');
    return tag === 'w:ins' || tag === 'w:moveTo' ? { ...within, partnerIns: within.partnerIns || !mine } : { ...within, ownDel: within.ownDel || mine, partnerDel: !mine };
  };
  /** Text as the officer sent it: their changes made, a partner's undone (w:t inside a partner's w:moveFrom stays). */
  const keptText = (tag: string, within: Within) => (tag === 'w:t' ? !within.partnerIns && !within.ownDel : within.partnerDel && !within.partnerIns && !within.ownDel);
  const sentText = (nodes: XNode[], within: Within): string =>
    nodes
      .map((n) => {
        const tag = tagOf(n);
        if (REVISIONS.has(tag)) return sentText(kids(n), inside(tag, attr(n, 'w:author'), within));
        if (tag === 'w:t' || tag === 'w:delText') return keptText(tag, within) ? textIn([n], [tag]) : '';
        if (tag === 'w:tab') return ' ';
        if (tag === 'w:pPr') return '';
        return sentText(kids(n), within);
      })
      .join('');
  const visit = (nodes: XNode[], within: Within) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        paragraph++;
        const style = JSON.stringify(kids(n).find((c) => tagOf(c) === 'w:pPr') ?? {});
        const text = textIn(kids(n)).trim();
        const m = /Heading/.test(style) ? HEADING.exec(text) : null;
        if (m) {
          section = { number: m[1], heading: m[2].trim() };
          // The heading's own comments and changes count; its text is not part of the body.
          current = null;
          visit(kids(n), within);
          // A section the officer removed (its heading deleted) was not sent: nothing to compare.
          const asSent = HEADING.exec(sentText(kids(n), within).trim());
          if (asSent) {
            const key = `${asSent[1]}|${asSent[2].trim()}`;
            if (!sent.has(key)) sent.set(key, { section: { number: asSent[1], heading: asSent[2].trim() }, paragraphs: [] });
            current = sent.get(key)!.paragraphs;
          }
          continue;
        }
        if (current) current.push('');
        visit(kids(n), within);
        continue;
      }
      if (tag === 'w:pPr') continue;
      if (tag === 'w:commentRangeStart') {
        open.set(attr(n, 'w:id'), []);
        startedAt.set(attr(n, 'w:id'), { section, paragraph });
      } else if (tag === 'w:commentRangeEnd') {
        const id = attr(n, 'w:id');
        anchors.set(id, (open.get(id) ?? []).join(''));
        open.delete(id);
      } else if (tag === 'w:commentReference') {
        const id = attr(n, 'w:id');
        const c = comments.get(id);
        if (c && !seen.has(id)) {
          seen.add(id);
          const at = startedAt.get(id) ?? { section, paragraph };
          items.push({ kind: 'comment', author: c.author, date: c.date, text: c.text, anchor: (anchors.get(id) ?? open.get(id)?.join('') ?? '').trim(), ...at });
        }
      } else if (REVISIONS.has(tag)) {
        // w:moveTo and w:moveFrom are an insertion and a deletion that LibreOffice and Word pair up
        // as a move (ECMA-376 §17.13.5.22–25); the text moved away stays in w:t.
        const inserted = tag === 'w:ins' || tag === 'w:moveTo';
        const author = attr(n, 'w:author') || 'Unknown';
        const mine = own.has(author);
        // Text directly in this change: a partner's deletion inside Quorum's insertion is its own w:del.
        const direct = kids(n).filter((c) => !REVISIONS.has(tagOf(c)));
        const text = inserted ? textIn(direct) : textIn(direct, tag === 'w:moveFrom' ? ['w:t'] : ['w:delText']);
        if (!mine && text.trim()) items.push({ kind: inserted ? 'insertion' : 'deletion', author, date: attr(n, 'w:date') || null, text, anchor: '', section, paragraph });
        // Then what is inside: nested changes, comments, and the text anchors are made of.
        visit(kids(n), inside(tag, author, within));
        continue;
      } else if (tag === 'w:t' || tag === 'w:delText') {
        const t = textIn([n], [tag]);
        if (tag === 'w:t') for (const parts of open.values()) parts.push(t);
        if (keptText(tag, within) && current) current[current.length - 1] = (current[current.length - 1] ?? '') + t;
        continue;
      } else if (tag === 'w:tab' && current) current[current.length - 1] += ' ';
      visit(kids(n), within);
    }
  };
  visit(parseXml(documentXml), { partnerIns: false, ownDel: false, partnerDel: false });
  // Comments whose reference was not found in the body are still reported, never dropped.
  for (const [id, c] of comments) if (!seen.has(id)) items.push({ kind: 'comment', author: c.author, date: c.date, text: c.text, anchor: anchors.get(id) ?? '', section: startedAt.get(id)?.section ?? null, paragraph: startedAt.get(id)?.paragraph ?? 0 });
  const sections = [...sent.values()].map((x) => ({ ...x.section, text: x.paragraphs.filter((p) => p.trim() && p.trim() !== PROTOCOL_CLOSING).join('\n') }));
  const version = prop('QuorumProtocolVersion');
  return { versionId: prop('QuorumProtocolVersionId'), version: version ? Number(version) : null, items, sections };
};
