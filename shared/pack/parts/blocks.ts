/**
 * The pack's content, written once and laid out twice: as Word (shared/pack/docx/word.ts) and as
 * HTML for the PDF and the website (shared/pack/html/render.ts). Each part of the pack says what
 * it holds in these terms; neither renderer decides what a board pack contains.
 */

/** A status shown by colour and, always, by its label (WCAG 1.4.1: colour is never the only signal). */
export type Rag = 'red' | 'amber' | 'green';

export type Cell = string | { text: string; rag?: Rag; bold?: boolean };

export type PackBlock =
  /** `newPage`: the part starts on a page of its own. Level 1 headings are the contents' entries. */
  | { kind: 'heading'; level: number; text: string; newPage?: boolean }
  | { kind: 'para'; text: string; bold?: boolean; italics?: boolean }
  /** The cover's lines: the partnership (subtitle) and the board (title). */
  | { kind: 'title' | 'subtitle'; text: string }
  | { kind: 'labelled'; label: string; value: string }
  /** A line that must stand out: Part 2 status, "to follow", exempt information. */
  | { kind: 'notice'; text: string }
  | { kind: 'list'; ordered: boolean; items: readonly string[] }
  /**
   * A data table with a header row. `landscape`: as wide as a landscape page. `itemColumn`: the
   * column naming each row's agenda item, a heading of its own in the PDF (a bookmark per item).
   */
  | { kind: 'table'; headers: readonly string[]; rows: readonly (readonly Cell[])[]; landscape?: boolean; itemColumn?: number }
  /** Two columns of label and value: a cover sheet or a briefing's facts. */
  | { kind: 'facts'; facts: readonly (readonly [string, string])[] }
  /** Markdown kept in the store (a paper, a minute, a briefing), under a heading of level `base`. */
  | { kind: 'markdown'; text: string; base: number }
  /** The partnership's logo, if it has one. */
  | { kind: 'logo' }
  | { kind: 'gap' }
  /** The contents: every level 1 heading, with the page it starts on. */
  | { kind: 'contents' };

export const heading = (level: number, text: string, opts: { newPage?: boolean } = {}): PackBlock => ({ kind: 'heading', level, text, ...(opts.newPage ? { newPage: true } : {}) });
export const para = (text: string, opts: { bold?: boolean; italics?: boolean } = {}): PackBlock => ({ kind: 'para', text, ...opts });
export const notice = (text: string): PackBlock => ({ kind: 'notice', text });
export const bullets = (items: readonly string[]): PackBlock => ({ kind: 'list', ordered: false, items });
export const numbered = (items: readonly string[]): PackBlock => ({ kind: 'list', ordered: true, items });
export const table = (headers: readonly string[], rows: readonly (readonly Cell[])[], opts: { landscape?: boolean; itemColumn?: number } = {}): PackBlock => ({ kind: 'table', headers, rows, ...opts });
export const facts = (list: readonly (readonly [string, string])[]): PackBlock => ({ kind: 'facts', facts: list });
export const markdown = (text: string, base: number): PackBlock => ({ kind: 'markdown', text, base });
