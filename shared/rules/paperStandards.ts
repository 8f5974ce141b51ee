import type { AgendaItem, Board, PaperKind } from '../schema/records';
import { paperKindOf } from './clearance';
import { PAPER_KIND_LABEL } from './labels';

/**
 * Paper standards (docs/ARCHITECTURE.md, paper standards): each board's rules for its papers, with
 * defaults from good practice (an update of at most 5 pages, a decision paper of at most 10, an
 * executive summary a member reads in a minute, a recommendation that says what the board is asked
 * to do, background papers listed where LGA 1972 s.100D asks, a Part 2 paper's public-interest
 * reason), and the reading a pack asks of each member at 200 words a minute.
 */

/** A page of a board paper, for the limits: about 500 words of A4 in 12-point type. */
export const WORDS_PER_PAGE = 500;
/** Reading speed for the pack's reading time (words a minute). */
export const READING_WORDS_PER_MINUTE = 200;

export type PaperStandards = {
  maxPages: Record<PaperKind, number>;
  summaryMaxWords: number;
  /** A decision paper's recommendations say what the board is asked to do. */
  askedTo: boolean;
  /** Background papers listed on the cover sheet (LGA 1972 s.100D: a council committee's are open to inspection). */
  backgroundPapers: boolean;
  voiceOfChild?: boolean;
};

/** The board's own standards, else the defaults. */
export const standardsFor = (board: Pick<Board, 'rules' | 'kind' | 'paperStandards'>): PaperStandards => board.paperStandards ?? defaultStandards(board);

export const defaultStandards = (board: Pick<Board, 'rules'> & Partial<Pick<Board, 'kind'>>): PaperStandards => ({
  maxPages: { decision: 10, assurance: 5, information: 5, 'deep-dive': 10 },
  summaryMaxWords: 200,
  askedTo: true,
  backgroundPapers: board.rules === 'council-committee',
  // Working Together to Safeguard Children 2023: the child's voice in all the partnership does.
  voiceOfChild: board.kind === 'safeguarding-partnership',
});

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const beyondAscii = new Map<number, boolean>();
const isLetterOrNumber = (point: number): boolean => {
  let known = beyondAscii.get(point);
  if (known === undefined) beyondAscii.set(point, (known = LETTER_OR_NUMBER.test(String.fromCodePoint(point))));
  return known;
};
/** Characters that carry a word on without starting one: "1.2m", "£40,000", "don’t", "and/or". */
const WORD_JOINERS = new Set([..."'’.,%£$/-"].map((c) => c.charCodeAt(0)));

/**
 * How many words the pattern [\p{L}\p{N}][\p{L}\p{N}'’.,%£$/-]* finds, matched again and again
 * (flags g and u): counted a character at a time rather than by making a string of each of a
 * ~300-page pack's 150,000 words.
 */
const countWords = (text: string): number => {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letterOrNumber: boolean;
    if (code < 128) letterOrNumber = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      letterOrNumber = isLetterOrNumber(point);
    }
    if (letterOrNumber) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && WORD_JOINERS.has(code))) inWord = false;
  }
  return words;
};

/** Words in Markdown as a reader meets them: markup, links' targets and pictures left out. */
export const wordCount = (markdown: string): number => {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|~-]+/g, ' ');
  return countWords(text);
};

export type PaperMeasure = { words: number; pages: number; summaryWords: number };

export const measurePaper = (item: Pick<AgendaItem, 'paper'>): PaperMeasure => {
  const p = item.paper;
  if (!p) return { words: 0, pages: 0, summaryWords: 0 };
  const c = p.coverSheet;
  const words = wordCount([c.executiveSummary, ...c.recommendations, ...Object.values(c.implications), c.backgroundPapers, p.body].join('\n'));
  return { words, pages: Math.max(1, Math.ceil(words / WORDS_PER_PAGE)), summaryWords: wordCount(c.executiveSummary) };
};

export type StandardFinding = { code: 'paper-too-long' | 'summary-too-long' | 'not-asked-to' | 'no-background-papers' | 'part2-no-public-interest' | 'no-voice-of-child'; message: string };

const ASKED_TO = /\b(the )?(board|partnership|committee|members?) (is|are) (asked|recommended|invited) to\b|^\s*(to )?(note|agree|approve|endorse|consider|ratify|decide|comment)\b/i;

/** A received paper against its board's standards: each finding in words that say what to change. */
export const checkStandards = (item: AgendaItem, standards: PaperStandards, label: string): StandardFinding[] => {
  const p = item.paper;
  if (!p || p.status !== 'received' || item.standing || item.decisionsReport) return [];
  const kind = paperKindOf(item);
  const m = measurePaper(item);
  const out: StandardFinding[] = [];
  const limit = standards.maxPages[kind];
  if (m.pages > limit) out.push({ code: 'paper-too-long', message: `${label}: about ${m.pages} pages (${m.words.toLocaleString('en-GB')} words); the board's limit for ${PAPER_KIND_LABEL[kind].toLowerCase()} papers is ${limit}. Move detail into appendices or background papers.` });
  if (m.summaryWords > standards.summaryMaxWords) out.push({ code: 'summary-too-long', message: `${label}: the executive summary runs to ${m.summaryWords} words; the board asks for at most ${standards.summaryMaxWords}.` });
  if (standards.askedTo && kind === 'decision' && p.coverSheet.recommendations.length && !p.coverSheet.recommendations.some((r) => ASKED_TO.test(r)))
    out.push({ code: 'not-asked-to', message: `${label}: no recommendation says what the board is asked to do (“The board is asked to approve …”).` });
  if (standards.backgroundPapers && !p.coverSheet.backgroundPapers.trim())
    out.push({ code: 'no-background-papers', message: `${label}: no background papers listed (Local Government Act 1972 s.100D: write “None” if there are none).` });
  if (standards.voiceOfChild && !p.coverSheet.implications.voiceOfChild?.trim())
    out.push({ code: 'no-voice-of-child', message: `${label}: the cover sheet does not say how the views and experiences of children shaped the paper (the voice of the child, Working Together to Safeguard Children 2023).` });
  if (item.part2 && !/public interest/i.test(item.part2.reason))
    out.push({ code: 'part2-no-public-interest', message: `${label}: a Part 2 paper (Schedule 12A paragraph ${item.part2.paragraph}) should say why the public interest in keeping it exempt outweighs the public interest in disclosing it.` });
  return out;
};

/** The reading a pack asks of each member: its papers' words, pages and minutes at 200 words a minute. */
export const readingLoad = (items: readonly Pick<AgendaItem, 'paper'>[]) => {
  const words = items.reduce((n, i) => n + (i.paper?.status === 'received' ? measurePaper(i).words : 0), 0);
  return { words, pages: Math.ceil(words / WORDS_PER_PAGE), minutes: Math.ceil(words / READING_WORDS_PER_MINUTE) };
};
