import { DeletedTextRun, ExternalHyperlink, InsertedTextRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { diffArrays } from 'diff';
import { inlineRuns, inlineSegments, runFormatting, type Marks, type Segment } from '../pack/markdown/inline';
import { unitsOf, type Unit } from '../pack/markdown/units';
import { headingLevel, type Block } from '../pack/markdown/blocks';
import type { ExportContext } from './document';
import { xmlSafe } from '../pack/markdown/text';
import { HEADER_SHADING, TABLE_BORDERS } from '../pack/docx/style';
import { PORTRAIT_TEXT_WIDTH } from '../pack/docx/page';

/**
 * A Markdown body as the units a reviewer accepts or rejects one by one: paragraphs, headings,
 * list items (with their list) and table rows. Two versions are compared unit by unit, so a
 * tracked copy keeps its lists as Word lists and its tables as tables, and a paragraph added or
 * removed is tracked with its paragraph mark (w:pPr/w:rPr/w:ins, w:del; ECMA-376 §17.13.5.16,
 * §17.13.5.15): Reject All gives back the earlier text exactly, Accept All the new one.
 */
export type Revision = { author: string; date: string; nextId: () => number };
type Mark = 'same' | 'ins' | 'del';

const markKey = (m: Marks) => `${m.bold ? 'b' : ''}${m.italics ? 'i' : ''}${m.strike ? 's' : ''}${m.code ? 'c' : ''}${m.vertAlign ?? ''}`;
const sameLook = (a: Segment, b: Segment) => a.text === b.text && markKey(a.marks) === markKey(b.marks) && a.link === b.link && !a.lineBreak === !b.lineBreak;
/** What a unit says and how: its words, their formatting and links, so a word made bold or a link changed is a change too. */
const looksOf = (segments: readonly Segment[]) => segments.map((x) => `${x.text}\u0000${markKey(x.marks)}\u0000${x.link ?? ''}`).join('\u0001');

/** Runs for formatted text, as unchanged, inserted or deleted text, each keeping its bold, italics and link (w:hyperlink holding w:ins/w:del). */
const segmentRuns = (segments: readonly Segment[], mark: Mark, rev: Revision, outer: Marks = {}): ParagraphChild[] => {
  const out: ParagraphChild[] = [];
  const runOf = (x: Segment): ParagraphChild => {
    const look = { ...runFormatting({ ...outer, ...x.marks }), ...(x.link ? { style: 'Hyperlink' } : {}) };
    const body = x.lineBreak ? { break: 1 } : { text: xmlSafe(x.text) };
    if (mark === 'same') return new TextRun({ ...look, ...body });
    const change = { ...look, ...body, id: rev.nextId(), author: rev.author, date: rev.date };
    return mark === 'ins' ? new InsertedTextRun(change) : new DeletedTextRun(change);
  };
  // Neighbouring pieces that look alike make one run, as Word would write them.
  const joined: Segment[] = [];
  for (const x of segments) {
    const last = joined.at(-1);
    if (last && !last.lineBreak && !x.lineBreak && last.link === x.link && markKey(last.marks) === markKey(x.marks)) last.text += x.text;
    else joined.push({ ...x });
  }
  for (let i = 0; i < joined.length; ) {
    const link = joined[i].link;
    const group: Segment[] = [];
    while (i < joined.length && joined[i].link === link) group.push(joined[i++]);
    if (link) out.push(new ExternalHyperlink({ link, children: group.map(runOf) }));
    else out.push(...group.map(runOf));
  }
  return out;
};

type FormattedPart = { kind: Mark; segments: Segment[] };
const textOf = (segments: readonly Segment[]) => segments.map((x) => x.text).join('');
/** Words, the spaces between them and each mark of punctuation, with their formatting: the pieces two versions are compared in (as jsdiff's diffWordsWithSpace splits them). */
const wordsOf = (segments: readonly Segment[]): Segment[] => segments.flatMap((x) => (x.lineBreak ? [x] : (x.text.match(/\s+|[\p{L}\p{N}_’']+|[^\s\p{L}\p{N}_’']/gu) ?? []).map((text) => ({ ...x, text }))));

/**
 * Two versions of a paragraph compared word by word, formatting included. As for the plain diff
 * (shared/rules/protocolDiff.ts mergeNearby), a short unchanged run between two changes (a comma,
 * one space) is folded into them, and deletions come before insertions, as Word shows them.
 */
const formattedDiff = (from: readonly Segment[], to: readonly Segment[]): FormattedPart[] => {
  const raw: FormattedPart[] = diffArrays(wordsOf(from), wordsOf(to), { comparator: sameLook }).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', segments: c.value }));
  const out: FormattedPart[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    const prevChanged = out.length > 0 && out.at(-1)!.kind !== 'same';
    const nextChanged = raw[i + 1] && raw[i + 1].kind !== 'same';
    const glue = textOf(p.segments);
    if (p.kind === 'same' && prevChanged && nextChanged && glue.length <= 2 && !/\n/.test(glue)) {
      for (const kind of ['del', 'ins'] as const) {
        const side = out.filter((x) => x.kind === kind).at(-1);
        if (side) side.segments.push(...p.segments);
        else out.push({ kind, segments: [...p.segments] });
      }
      continue;
    }
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.segments.push(...p.segments);
    else if (p.kind !== 'same' && last && last.kind !== 'same' && out.length >= 2 && out.at(-2)!.kind === p.kind) out.at(-2)!.segments.push(...p.segments);
    else out.push({ kind: p.kind, segments: [...p.segments] });
  }
  const ordered: FormattedPart[] = [];
  for (const p of out) {
    if (p.kind === 'del' && ordered.at(-1)?.kind === 'ins') ordered.splice(ordered.length - 1, 0, p);
    else ordered.push(p);
  }
  return ordered;
};
const diffRuns = (from: readonly Segment[], to: readonly Segment[], rev: Revision, outer: Marks = {}) => formattedDiff(from, to).flatMap((p) => segmentRuns(p.segments, p.kind, rev, outer));
/** A unit's formatted text: a code block is its text as it stands. */
const segmentsOf = (u: Unit): Segment[] => (u.kind === 'row' ? [] : u.tokens.length ? inlineSegments(u.tokens) : [{ text: u.text, marks: {} }]);

/** Numbering instances for the lists in the tracked copy: one per list of the newer version, and per list only the older had. */
type Lists = { ctx: ExportContext; instances: Map<string, { reference: string; instance: number }> };
const listRef = (lists: Lists, key: string, ordered: boolean, start: number) => {
  let ref = lists.instances.get(key);
  if (!ref) {
    ref = ordered ? lists.ctx.lists.numbers(start) : lists.ctx.lists.bullets();
    lists.instances.set(key, ref);
  }
  return ref;
};

/** `paragraphMark`: the change on the paragraph's own mark (w:pPr/w:rPr), when it differs from its text's (see moveParagraphMarks). */
type Placed = { unit: Unit; mark: Mark; runs: ParagraphChild[]; side: 'old' | 'new'; listKey: string; paragraphMark?: Mark };

const paragraphOf = (p: Placed, rev: Revision, lists?: Lists): Paragraph => {
  const { unit, runs } = p;
  // A paragraph wholly added or removed carries the change on its paragraph mark too.
  const mark = p.paragraphMark ?? p.mark;
  const paragraphMark = mark === 'same' ? {} : { run: { [mark === 'ins' ? 'insertion' : 'deletion']: { id: rev.nextId(), author: rev.author, date: rev.date } } };
  // Under the section's own heading (level 2), as the untracked copy nests a body's headings.
  if (unit.kind === 'heading') return new Paragraph({ heading: headingLevel(Math.max(3, Math.min(unit.depth + 1, 6))), children: runs, ...paragraphMark });
  if (unit.kind === 'li' && lists) {
    const ref = listRef(lists, p.listKey, unit.ordered, unit.start);
    return new Paragraph({ numbering: { reference: ref.reference, instance: ref.instance, level: unit.level }, children: runs, ...paragraphMark });
  }
  return new Paragraph({ children: runs, ...(unit.kind === 'p' && unit.style ? { style: unit.style } : {}), ...paragraphMark });
};

const rowOf = (p: Placed & { unit: Extract<Unit, { kind: 'row' }> }, rev: Revision, ctx: ExportContext, columns: number): TableRow => {
  const change = p.mark === 'same' ? {} : { [p.mark === 'ins' ? 'insertion' : 'deletion']: { id: rev.nextId(), author: rev.author, date: rev.date } };
  const header: Marks = p.unit.header ? { bold: true } : {};
  const cells = Array.from({ length: columns }, (_, i) => {
    const tokens = p.unit.cellTokens[i] ?? [];
    const runs = p.mark === 'same' ? inlineRuns(tokens, ctx, header) : segmentRuns(inlineSegments(tokens), p.mark, rev, header);
    return new TableCell({ ...(p.unit.header ? { shading: HEADER_SHADING } : {}), children: [new Paragraph({ children: runs })] });
  });
  return new TableRow({ tableHeader: p.unit.header, children: cells, ...change });
};

/** The same paragraph properties (style, list and level), so one paragraph's mark can stand for the other's. */
const samePlace = (a: Placed, b: Placed) =>
  a.unit.kind === b.unit.kind &&
  a.listKey === b.listKey &&
  (a.unit.kind !== 'li' || (b.unit.kind === 'li' && a.unit.level === b.unit.level)) &&
  (a.unit.kind !== 'heading' || (b.unit.kind === 'heading' && a.unit.depth === b.unit.depth)) &&
  (a.unit.kind !== 'p' || (b.unit.kind === 'p' && a.unit.style === b.unit.style));

/**
 * Paragraphs added after one that stays are marked as Word marks them when Enter is pressed at the
 * end of that paragraph: the kept paragraph's mark is the inserted one, and the last added
 * paragraph ends with the mark the kept one had (ECMA-376 §17.13.5.16). Both readings give the same
 * Accept and Reject, but LibreOffice joins an insertion at the end of the kept paragraph to the
 * added paragraph after it when the added one carries its own mark, and Reject All then runs the
 * kept paragraph into the next. Only where the two paragraphs' properties match, so the mark that
 * remains after Reject All leaves the kept paragraph as it was.
 */
const moveParagraphMarks = (placed: Placed[]) => {
  for (let i = 1; i < placed.length; i++) {
    const kept = placed[i - 1];
    if (placed[i].mark !== 'ins' || kept.mark !== 'same' || kept.unit.kind === 'row' || placed[i].unit.kind === 'row') continue;
    let last = i;
    while (last + 1 < placed.length && placed[last + 1].mark === 'ins' && placed[last + 1].unit.kind !== 'row') last++;
    if (!samePlace(kept, placed[last])) continue;
    kept.paragraphMark = 'ins';
    placed[last].paragraphMark = 'same';
    i = last;
  }
};

/**
 * The body of one section as tracked blocks: `from` is the agreed text ('' for a new section),
 * `to` the new one ('' for a removed section).
 */
export const trackedBody = (from: string, to: string, rev: Revision, ctx: ExportContext, scope: string): Block[] => {
  const before = unitsOf(from);
  const after = unitsOf(to);
  // Alike only when they read and look the same: the same words with the same formatting and
  // links, a list item at the same level of the same kind of list, a row's cells each alike.
  const look = new Map<Unit, string>();
  const looks = (u: Unit) => {
    let key = look.get(u);
    if (key === undefined) {
      key = u.kind === 'row' ? `${u.header}|${u.cellTokens.map((c) => looksOf(inlineSegments(c))).join('\u0002')}` : `${u.kind === 'li' ? `${u.level}${u.ordered}` : u.kind === 'heading' ? u.depth : ''}|${looksOf(segmentsOf(u))}`;
      look.set(u, key);
    }
    return key;
  };
  const same = (a: Unit, b: Unit) => a.kind === b.kind && a.text === b.text && looks(a) === looks(b);
  // A removed unit and an added one that could be one reworded: a paragraph, a heading of the same
  // level, a list item at the same level of the same kind of list. Anything else is removed and added.
  const rewordable = (a: Unit, b: Unit) =>
    a.kind === b.kind && a.kind !== 'row' && (a.kind !== 'li' || (b.kind === 'li' && a.level === b.level && a.ordered === b.ordered)) && (a.kind !== 'heading' || (b.kind === 'heading' && a.depth === b.depth));
  const placed: Placed[] = [];
  // A list item keeps the numbering of its list in the newer version; an item only the older
  // version had joins the newer list it shared items with, so numbers run on across a deletion.
  const oldToNew = new Map<number, number>();
  const keyOf = (u: Unit, side: 'old' | 'new') => (u.kind === 'li' ? `${scope}:${side}-${u.list}` : '');
  const pending: { removed: Unit[]; added: Unit[] } = { removed: [], added: [] };
  const flush = () => {
    // Removed and added units are lined up by kind (diffArrays), so an added table row stays
    // before a reworded heading that follows it, in its table, and a pair that can be one unit
    // reworded is shown word by word.
    const { removed, added } = pending;
    let r = 0;
    let a = 0;
    for (const part of diffArrays(removed, added, { comparator: rewordable })) {
      const n = part.count ?? part.value.length;
      for (let k = 0; k < n; k++) {
        if (part.removed) {
          const old = removed[r++];
          placed.push({ unit: old, mark: 'del', runs: [], side: 'old', listKey: keyOf(old, 'old') });
        } else if (part.added) {
          const neu = added[a++];
          placed.push({ unit: neu, mark: 'ins', runs: [], side: 'new', listKey: keyOf(neu, 'new') });
        } else {
          const old = removed[r++];
          const neu = added[a++];
          placed.push({ unit: neu, mark: 'same', runs: diffRuns(segmentsOf(old), segmentsOf(neu), rev), side: 'new', listKey: keyOf(neu, 'new') });
          if (old.kind === 'li' && neu.kind === 'li') oldToNew.set(old.list, neu.list);
        }
      }
    }
    pending.removed = [];
    pending.added = [];
  };
  let oldAt = 0;
  let newAt = 0;
  for (const change of diffArrays(before, after, { comparator: same })) {
    if (change.removed) {
      pending.removed.push(...change.value);
      oldAt += change.value.length;
    } else if (change.added) {
      pending.added.push(...change.value);
      newAt += change.value.length;
    } else {
      flush();
      for (let k = 0; k < change.value.length; k++) {
        const unit = after[newAt];
        const old = before[oldAt];
        if (unit.kind === 'li' && old.kind === 'li') oldToNew.set(old.list, unit.list);
        placed.push({ unit, mark: 'same', runs: unit.kind === 'row' ? [] : inlineRuns(unit.tokens, ctx), side: 'new', listKey: keyOf(unit, 'new') });
        oldAt++;
        newAt++;
      }
    }
  }
  flush();
  for (const p of placed) {
    if (p.mark !== 'same' && p.unit.kind !== 'row') p.runs = segmentRuns(segmentsOf(p.unit), p.mark, rev);
    if (p.side === 'old' && p.unit.kind === 'li' && oldToNew.has(p.unit.list)) p.listKey = `${scope}:new-${oldToNew.get(p.unit.list)}`;
  }

  moveParagraphMarks(placed);

  // Rows of one table side by side make a table again; everything else is a paragraph.
  const out: Block[] = [];
  for (let i = 0; i < placed.length; ) {
    const p = placed[i];
    if (p.unit.kind !== 'row') {
      out.push(paragraphOf(p, rev, { ctx, instances: listInstances(ctx) }));
      i++;
      continue;
    }
    const rows: (Placed & { unit: Extract<Unit, { kind: 'row' }> })[] = [];
    while (i < placed.length && placed[i].unit.kind === 'row') rows.push(placed[i++] as Placed & { unit: Extract<Unit, { kind: 'row' }> });
    const columns = Math.max(...rows.map((r) => r.unit.cells.length), 1);
    out.push(
      new Table({
        borders: TABLE_BORDERS,
        width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: Array.from({ length: columns }, () => Math.floor(PORTRAIT_TEXT_WIDTH / columns)),
        rows: rows.map((r) => rowOf(r, rev, ctx, columns)),
      }),
    );
  }
  return out;
};

/** The list instances of one tracked copy, kept on its Markdown context so a list keeps one numbering across sections' paragraphs. */
const INSTANCES = new WeakMap<ExportContext, Map<string, { reference: string; instance: number }>>();
const listInstances = (ctx: ExportContext) => {
  let m = INSTANCES.get(ctx);
  if (!m) INSTANCES.set(ctx, (m = new Map()));
  return m;
};

/** A section heading ("3. Reporting and challenge") tracked as a whole paragraph when the section is new or gone, else word by word. */
export const trackedHeading = (from: string | null, to: string | null, rev: Revision): Paragraph => {
  if (from === null || to === null) {
    const mark: Mark = from === null ? 'ins' : 'del';
    const text = (to ?? from)!;
    return paragraphOf({ unit: { kind: 'p', text, tokens: [], style: 'Heading2' }, mark, runs: segmentRuns([{ text, marks: {} }], mark, rev), side: 'new', listKey: '' }, rev);
  }
  return new Paragraph({ style: 'Heading2', children: diffRuns([{ text: from, marks: {} }], [{ text: to, marks: {} }], rev) });
};
