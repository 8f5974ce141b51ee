import { marked, type Token, type Tokens } from 'marked';
import type { CoverSheet } from '../pack/model';
import { plainText } from '../rules/quorumWords';

/**
 * What a paper written to a council's report template already says for its cover sheet. Such
 * papers carry the cover sheet's parts as their own sections ("Recommendations", "Executive
 * summary", "Financial implications", "Background papers") and its lines ("Report of: …",
 * "Contact officer: …"); imported, the pre-flight would otherwise tell the officer the cover sheet
 * has no recommendations while the paper lists them. The paper's body is not changed: this only
 * offers what fills the cover sheet's empty fields (the officer's own entries always stand).
 */
export type CoverSheetFound = {
  reportOf?: string;
  author?: string;
  authorContact?: string;
  executiveSummary?: string;
  recommendations?: string[];
  implications?: Partial<CoverSheet['implications']>;
  backgroundPapers?: string;
};

type Part = 'executiveSummary' | 'recommendations' | 'backgroundPapers' | keyof CoverSheet['implications'];

/** Section headings as report templates word them, clause numbers and a trailing colon aside. */
const HEADINGS: [Part, RegExp][] = [
  ['recommendations', /^(?:recommendations?|recommendations? (?:to|for) the (?:board|partnership|committee)|recommended actions?|decisions? (?:required|sought|requested)|what (?:the board|members) (?:is|are) asked to (?:do|decide))$/],
  ['executiveSummary', /^(?:executive summary|summary|purpose(?: of (?:the|this) (?:report|paper))?|summary and purpose|purpose and summary|report summary)$/],
  ['finance', /^(?:financ(?:e|ial)(?: and resource)?(?: implications| considerations)?|resource implications)$/],
  ['legal', /^legal(?: implications| considerations)?$/],
  ['equalities', /^(?:equalit(?:y|ies)(?: and diversity)?(?: implications| considerations| impact(?: assessment)?)?)$/],
  ['risk', /^(?:risks?(?: implications| management| assessment)?)$/],
  ['voiceOfChild', /^(?:(?:the )?voice of the child|children(?:’|')?s views|views of children(?: and young people)?)$/],
  ['backgroundPapers', /^(?:background papers|background documents|list of background papers)$/],
];

/** The cover sheet's lines, as a template's opening table or paragraphs give them. */
const LINES: [keyof Pick<CoverSheetFound, 'reportOf' | 'author' | 'authorContact'>, RegExp][] = [
  ['reportOf', /^(?:report of|report from|report by|lead (?:director|officer)|responsible (?:director|officer)|sponsoring director)$/],
  ['author', /^(?:author|report author|written by|prepared by)$/],
  ['authorContact', /^(?:contact|contact officer|contact details|author contact|report contact)$/],
];

const headingKey = (text: string) =>
  plainText(text)
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[A-Za-z][.)])\s+/, '')
    .replace(/[:.]\s*$/, '')
    .trim()
    .toLowerCase();

const partOf = (heading: string): Part | undefined => HEADINGS.find(([, re]) => re.test(headingKey(heading)))?.[0];

/** A line for one of the cover sheet's single-line fields: "Report of: Director of Public Health". */
const lineOf = (text: string): [keyof Pick<CoverSheetFound, 'reportOf' | 'author' | 'authorContact'>, string] | undefined => {
  const m = /^([A-Za-z’' ]{3,40}):\s*(.+)$/.exec(plainText(text));
  if (!m) return undefined;
  const key = LINES.find(([, re]) => re.test(m[1].trim().toLowerCase()))?.[0];
  return key && m[2].trim() ? [key, m[2].trim()] : undefined;
};

/** A recommendation as its own line: "Approve the scope of the 2027 JSNA." */
const recommendationsIn = (tokens: Token[]): string[] => {
  const lists = tokens.filter((t): t is Tokens.List => t.type === 'list');
  const items = lists.length
    ? lists.flatMap((l) => l.items.map((i) => plainText(i.text)))
    : tokens.filter((t): t is Tokens.Paragraph => t.type === 'paragraph').map((p) => plainText(p.text));
  // "The Board is asked to:" introduces the list; it is not itself a recommendation.
  return items.filter((s) => s && !(lists.length === 0 && /:\s*$/.test(s))).slice(0, 30).map((s) => s.slice(0, 2000));
};

/** The section's Markdown as written, for the fields that keep formatting (the summary). */
const markdownOf = (tokens: Token[]) =>
  tokens
    .map((t) => t.raw)
    .join('')
    .trim();

/** The section as one line of words, for the cover sheet's plain fields: a sub-heading as "4.1 Staffing:". */
const plainOf = (tokens: Token[]) =>
  tokens
    .map((t) => (t.type === 'heading' ? `${plainText((t as Tokens.Heading).text)}:` : plainText(t.raw)))
    .filter(Boolean)
    .join(' ');

export const coverSheetFromPaper = (body: string): CoverSheetFound => {
  const tokens = marked.lexer(body);
  const found: CoverSheetFound = {};
  const sections: { part?: Part; depth: number; tokens: Token[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  for (const t of tokens) {
    // A paragraph that is all bold is a heading too, as many Word templates are typed.
    const boldHeading = t.type === 'paragraph' && /^\*\*[^*\n]{2,80}\*\*:?$/.test(t.raw.trim()) ? t.raw.trim() : undefined;
    if (t.type === 'heading' || boldHeading) {
      const depth = t.type === 'heading' ? (t as Tokens.Heading).depth : 6;
      // A sub-heading inside a cover-sheet section belongs to it ("4.1 Revenue" under "Financial implications").
      if (current?.part && t.type === 'heading' && depth > current.depth && !partOf((t as Tokens.Heading).text)) {
        current.tokens.push(t);
        continue;
      }
      current = { part: partOf(t.type === 'heading' ? (t as Tokens.Heading).text : boldHeading!), depth, tokens: [] };
      sections.push(current);
      continue;
    }
    if (current) current.tokens.push(t);
    // Before the first heading: the template's lines ("Report of: …"), one a paragraph or a line of one.
    // Later, "Contact: the front door on 0300…" is the paper speaking, not its author's details.
    if (t.type === 'paragraph' && !current)
      for (const text of (t as Tokens.Paragraph).text.split('\n')) {
        const line = lineOf(text);
        if (line && !found[line[0]]) found[line[0]] = line[1].slice(0, line[0] === 'reportOf' ? 300 : 200);
      }
  }
  for (const s of sections) {
    if (!s.part) continue;
    if (s.part === 'recommendations') {
      const recs = recommendationsIn(s.tokens);
      if (recs.length && !found.recommendations) found.recommendations = recs;
    } else if (s.part === 'executiveSummary') {
      const md = markdownOf(s.tokens);
      if (md && !found.executiveSummary) found.executiveSummary = md;
    } else if (s.part === 'backgroundPapers') {
      const text = plainOf(s.tokens);
      if (text && !found.backgroundPapers) found.backgroundPapers = text.slice(0, 2000);
    } else {
      const text = plainOf(s.tokens);
      if (text && !found.implications?.[s.part]) found.implications = { ...found.implications, [s.part]: text.slice(0, 5000) };
    }
  }
  return found;
};

/** The cover sheet with its empty fields filled from what the paper says, and the fields filled, as the officer would name them. */
export const fillCoverSheet = (cover: CoverSheet, found: CoverSheetFound): { cover: CoverSheet; filled: string[] } => {
  const next: CoverSheet = { ...cover, implications: { ...cover.implications } };
  const filled: string[] = [];
  const blank = (s: string | undefined) => !s?.trim();
  for (const [key, word] of [['reportOf', 'report of'], ['author', 'author'], ['authorContact', 'contact'], ['executiveSummary', 'executive summary']] as const) {
    const text = found[key];
    if (!text || !blank(next[key])) continue;
    next[key] = text;
    filled.push(word);
  }
  if (next.recommendations.length === 0 && found.recommendations?.length) {
    next.recommendations = found.recommendations;
    filled.push(`${found.recommendations.length} recommendation${found.recommendations.length === 1 ? '' : 's'}`);
  }
  const words: Record<keyof CoverSheet['implications'], string> = { finance: 'finance', legal: 'legal', equalities: 'equalities', risk: 'risk', voiceOfChild: 'voice of the child' };
  const implications: string[] = [];
  for (const key of Object.keys(words) as (keyof CoverSheet['implications'])[]) {
    const text = found.implications?.[key];
    if (!text || !blank(next.implications[key])) continue;
    next.implications[key] = text;
    implications.push(words[key]);
  }
  if (implications.length) filled.push(`${implications.join(', ')} implications`);
  if (blank(next.backgroundPapers) && found.backgroundPapers) {
    next.backgroundPapers = found.backgroundPapers;
    filled.push('background papers');
  }
  return { cover: next, filled };
};

/** The fields filled, as a sentence says them: "executive summary and 2 recommendations". */
export const filledInWords = (filled: readonly string[]): string => (filled.length < 2 ? (filled[0] ?? '') : `${filled.slice(0, -1).join(', ')} and ${filled.at(-1)}`);
