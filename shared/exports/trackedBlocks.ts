import { DeletedTextRun, InsertedTextRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { inlineRuns } from '../pack/markdown/inline';
import { unitsOf, type Unit } from '../pack/markdown/units';
import { headingLevel, type Block } from '../pack/markdown/blocks';
import type { MarkdownContext } from '../pack/markdown/context';
import { xmlSafe } from '../pack/markdown/text';
import { mergeNearby, type DiffPart } from '../rules/protocolDiff';
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

const textRuns = (text: string, mark: Mark, rev: Revision): ParagraphChild[] => {
  if (!text) return [];
  const t = xmlSafe(text.replace(/\n/g, ' '));
  if (mark === 'same') return [new TextRun(t)];
  const change = { text: t, id: rev.nextId(), author: rev.author, date: rev.date };
  return [mark === 'ins' ? new InsertedTextRun(change) : new DeletedTextRun(change)];
};
const diffRuns = (parts: readonly DiffPart[], rev: Revision) => parts.flatMap((p) => textRuns(p.text, p.kind, rev));
const wordDiff = (from: string, to: string) => mergeNearby(diffWordsWithSpace(from, to).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }) as DiffPart));

/** Numbering instances for the lists in the tracked copy: one per list of the newer version, and per list only the older had. */
type Lists = { ctx: MarkdownContext; instances: Map<string, { reference: string; instance: number }> };
const listRef = (lists: Lists, key: string, ordered: boolean, start: number) => {
  let ref = lists.instances.get(key);
  if (!ref) {
    ref = ordered ? lists.ctx.lists.numbers(start) : lists.ctx.lists.bullets();
    lists.instances.set(key, ref);
  }
  return ref;
};

type Placed = { unit: Unit; mark: Mark; runs: ParagraphChild[]; side: 'old' | 'new'; listKey: string };

const paragraphOf = (p: Placed, rev: Revision, lists?: Lists): Paragraph => {
  const { unit, mark, runs } = p;
  // A paragraph wholly added or removed carries the change on its paragraph mark too.
  const paragraphMark = mark === 'same' ? {} : { run: { [mark === 'ins' ? 'insertion' : 'deletion']: { id: rev.nextId(), author: rev.author, date: rev.date } } };
  // Under the section's own heading (level 2), as the untracked copy nests a body's headings.
  if (unit.kind === 'heading') return new Paragraph({ heading: headingLevel(Math.max(3, Math.min(unit.depth + 1, 6))), children: runs, ...paragraphMark });
  if (unit.kind === 'li' && lists) {
    const ref = listRef(lists, p.listKey, unit.ordered, unit.start);
    return new Paragraph({ numbering: { reference: ref.reference, instance: ref.instance, level: unit.level }, children: runs, ...paragraphMark });
  }
  return new Paragraph({ children: runs, ...(unit.kind === 'p' && unit.style ? { style: unit.style } : {}), ...paragraphMark });
};

const rowOf = (p: Placed & { unit: Extract<Unit, { kind: 'row' }> }, rev: Revision, ctx: MarkdownContext, columns: number): TableRow => {
  const change = p.mark === 'same' ? {} : { [p.mark === 'ins' ? 'insertion' : 'deletion']: { id: rev.nextId(), author: rev.author, date: rev.date } };
  const cells = Array.from({ length: columns }, (_, i) => {
    const text = p.unit.cells[i] ?? '';
    const runs = p.mark === 'same' ? inlineRuns(p.unit.cellTokens[i] ?? [], ctx, p.unit.header ? { bold: true } : {}) : textRuns(text, p.mark, rev);
    return new TableCell({ ...(p.unit.header ? { shading: HEADER_SHADING } : {}), children: [new Paragraph({ children: runs })] });
  });
  return new TableRow({ tableHeader: p.unit.header, children: cells, ...change });
};

/**
 * The body of one section as tracked blocks: `from` is the agreed text ('' for a new section),
 * `to` the new one ('' for a removed section).
 */
export const trackedBody = (from: string, to: string, rev: Revision, ctx: MarkdownContext, scope: string): Block[] => {
  const before = unitsOf(from);
  const after = unitsOf(to);
  const same = (a: Unit, b: Unit) => a.kind === b.kind && a.text === b.text && (a.kind !== 'row' || (b.kind === 'row' && a.header === b.header));
  const placed: Placed[] = [];
  // A list item keeps the numbering of its list in the newer version; an item only the older
  // version had joins the newer list it shared items with, so numbers run on across a deletion.
  const oldToNew = new Map<number, number>();
  const keyOf = (u: Unit, side: 'old' | 'new') => (u.kind === 'li' ? `${scope}:${side}-${u.list}` : '');
  const pending: { removed: Unit[]; added: Unit[] } = { removed: [], added: [] };
  const flush = () => {
    // A removed unit and an added one of the same kind side by side are one unit reworded.
    const { removed, added } = pending;
    let r = 0;
    let a = 0;
    while (r < removed.length || a < added.length) {
      const old = removed[r];
      const neu = added[a];
      if (old && neu && old.kind === neu.kind && old.kind !== 'row') {
        placed.push({ unit: neu, mark: 'same', runs: diffRuns(wordDiff(old.text, neu.text), rev), side: 'new', listKey: keyOf(neu, 'new') });
        if (old.kind === 'li' && neu.kind === 'li') oldToNew.set(old.list, neu.list);
        r++;
        a++;
      } else if (old && (!neu || r <= a)) {
        placed.push({ unit: old, mark: 'del', runs: [], side: 'old', listKey: keyOf(old, 'old') });
        r++;
      } else {
        placed.push({ unit: neu, mark: 'ins', runs: [], side: 'new', listKey: keyOf(neu, 'new') });
        a++;
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
    if (p.mark !== 'same' && p.unit.kind !== 'row') p.runs = textRuns(p.unit.text, p.mark, rev);
    if (p.side === 'old' && p.unit.kind === 'li' && oldToNew.has(p.unit.list)) p.listKey = `${scope}:new-${oldToNew.get(p.unit.list)}`;
  }

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
const INSTANCES = new WeakMap<MarkdownContext, Map<string, { reference: string; instance: number }>>();
const listInstances = (ctx: MarkdownContext) => {
  let m = INSTANCES.get(ctx);
  if (!m) INSTANCES.set(ctx, (m = new Map()));
  return m;
};

/** A section heading ("3. Reporting and challenge") tracked as a whole paragraph when the section is new or gone, else word by word. */
export const trackedHeading = (from: string | null, to: string | null, rev: Revision): Paragraph => {
  if (from === null || to === null) {
    const mark: Mark = from === null ? 'ins' : 'del';
    const text = (to ?? from)!;
    return paragraphOf({ unit: { kind: 'p', text, tokens: [], style: 'Heading2' }, mark, runs: textRuns(text, mark, rev), side: 'new', listKey: '' }, rev);
  }
  return new Paragraph({ style: 'Heading2', children: diffRuns(wordDiff(from, to), rev) });
};
