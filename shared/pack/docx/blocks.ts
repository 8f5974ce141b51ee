import { markdownToOoxml } from '../ooxml/body';
import type { MarkdownContext } from '../markdown/context';
import { xmlSafe } from '../markdown/text';
import { dataTableXml, headingXml, listItemXml, Ooxml, paragraph, PartHeading, paraXml, run, type Cell } from '../ooxml/blocks';
import { PORTRAIT_TEXT_WIDTH } from './page';

/**
 * Small builders the pack's sections and the exports share, so every table and heading follows the
 * house style. Each is written straight as WordprocessingML (shared/pack/ooxml/blocks.ts).
 */
/** A heading. Level 1 is a part's heading, which the pack's contents lists (PartHeading). */
export const heading = (level: number, text: string, opts: { pageBreakBefore?: boolean } = {}): Ooxml =>
  level === 1 ? new PartHeading(text, opts.pageBreakBefore) : new Ooxml(headingXml(level, text, opts));

export const para = (text: string, opts: { bold?: boolean; italics?: boolean; style?: string } = {}) => new Ooxml(paraXml(text, opts));

export const labelled = (label: string, value: string) => new Ooxml(paragraph(run(`${label}: `, { bold: true }) + run(xmlSafe(value))));

export const notice = (text: string) => para(text, { style: 'QuorumNotice' });

/** A list of its own (numbering restarts per list): one paragraph per item. */
export const bulletList = (items: readonly string[], ctx: MarkdownContext): Ooxml[] => {
  const numId = ctx.raw.bullets();
  return items.map((t) => new Ooxml(listItemXml(run(xmlSafe(t)), numId)));
};

export const numberedList = (items: readonly string[], ctx: MarkdownContext): Ooxml[] => {
  const numId = ctx.raw.numbers(1);
  return items.map((t) => new Ooxml(listItemXml(run(xmlSafe(t)), numId)));
};

export type { Cell };

/**
 * A data table sized to its content (columns.ts) across the given width (the portrait text width
 * unless the page is landscape): a header row that repeats on each page (w:tblHeader), one paragraph per cell,
 * no merged cells (PSBAR 2018: tables a screen reader can navigate).
 */
export const dataTable = (headers: readonly string[], rows: readonly (readonly Cell[])[], opts: { total?: number } = {}): Ooxml =>
  new Ooxml(dataTableXml(headers, rows, opts.total ?? PORTRAIT_TEXT_WIDTH));

/** Two columns of label and value: a cover sheet or a briefing's facts. */
export const factTable = (facts: readonly (readonly [string, string])[]) =>
  dataTable(['Field', 'Detail'], facts.map(([k, v]) => [{ text: k, bold: true }, v || 'Not given']));

/** A Markdown body under a heading of level `base`, written straight as OOXML (shared/pack/ooxml/body.ts). */
export const markdown = (text: string, ctx: MarkdownContext, base: number): Ooxml[] => markdownToOoxml(text, { ...ctx, headingBase: base }, ctx.raw);

