/**
 * Search (docs/ARCHITECTURE.md, search): how words are matched. The index and the query go through
 * the same steps, so a search finds a word however the paper spelt it:
 * - case and accents fold ("Café" finds "cafe");
 * - references keep their parts together: "s.11" is one word (`s11`), as is "12A" and
 *   "s.100A(4)"'s `s100a`;
 * - British and American spellings meet ("organization" finds "organisation", "pediatric" finds
 *   "paediatric", "center" finds "centre");
 * - plurals meet their singular ("organisations" finds "organisation", "policies" finds "policy").
 * A partial word ("safegu") is matched as the start of a word by the engine, on the folded form.
 */

/** Words as they are written: letters and digits, with the dots, apostrophes and hyphens inside a reference or a name. */
export const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/** Whole words spelt differently either side of the Atlantic: [British, American]. */
const SPELLING_PAIRS: [string, string][] = [
  ['behaviour', 'behavior'],
  ['colour', 'color'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['labour', 'labor'],
  ['neighbour', 'neighbor'],
  ['harbour', 'harbor'],
  ['rumour', 'rumor'],
  ['humour', 'humor'],
  ['endeavour', 'endeavor'],
  ['vigour', 'vigor'],
  ['centre', 'center'],
  ['theatre', 'theater'],
  ['metre', 'meter'],
  ['fibre', 'fiber'],
  ['litre', 'liter'],
  ['licence', 'license'],
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['pretence', 'pretense'],
  ['programme', 'program'],
  ['judgement', 'judgment'],
  ['ageing', 'aging'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['enrol', 'enroll'],
  ['fulfil', 'fulfill'],
  ['practise', 'practice'],
  ['aluminium', 'aluminum'],
  ['grey', 'gray'],
  ['mould', 'mold'],
  ['plough', 'plow'],
  ['sceptic', 'skeptic'],
  ['storey', 'story'],
  ['tyre', 'tire'],
  ['kerb', 'curb'],
  ['cheque', 'check'],
];

/** Classical spellings the US writes with a plain e (paediatric, haematology, anaemia, oesophagus, foetal, orthopaedic, diarrhoea). */
const CLASSICAL: [string, string][] = [
  ['^paed', 'ped'],
  ['aed', 'ed'],
  ['^haem', 'hem'],
  ['aem', 'em'],
  ['^oes', 'es'],
  ['^foet', 'fet'],
  ['hoea', 'hea'],
  ['^oedem', 'edem'],
];

export type NormaliserTables = { pairs: [string, string][]; classical: [string, string][] };
export const NORMALISER_TABLES: NormaliserTables = { pairs: SPELLING_PAIRS, classical: CLASSICAL };

/**
 * The normaliser, self-contained so the published website's search page runs this very function
 * in the browser (`makeNormaliser.toString()`, shared/publish/siteSearch.ts): it refers to nothing
 * outside itself but its tables.
 */
export const makeNormaliser = (tables: NormaliserTables) => {
  const spellings: Record<string, string> = {};
  for (const [uk, us] of tables.pairs) {
    spellings[us] = uk;
    spellings[uk] = uk;
  }
  const classical = tables.classical.map(([from, to]) => [new RegExp(from), to] as const);
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // -ize/-ise, -yze/-yse and their forms: organization, organisation → organisation.
  const toIse = (w: string) => w.replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1').replace(/yz(e|es|ed|ing|er|ers)$/, 'ys$1');
  // A plural or possessive to its singular: policies → policy, churches → church, boards' → board.
  const singular = (w: string): string => {
    if (w.length <= 3) return w;
    if (/'s?$/.test(w)) return w.replace(/'s?$/, '');
    if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
    if (/(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
    if (/(ss|us|is|ous)$/.test(w)) return w;
    if (/s$/.test(w)) return w.slice(0, -1);
    return w;
  };
  /** One word as the index holds it. "s.11" is one word; an apostrophe matters only as a possessive's, then goes. */
  const normaliseWord = (raw: string): string => {
    let w = fold(raw).replace(/\./g, '').replace(/’/g, "'");
    w = singular(w).replace(/'/g, '');
    w = spellings[w] ?? w;
    w = toIse(w);
    for (const [from, to] of classical) w = w.replace(from, to);
    return spellings[w] ?? w;
  };
  /** For a word typed partly: folded but not singularised ("organis" stays "organis"). */
  const prefixOf = (raw: string): string => toIse(fold(raw).replace(/[.’']/g, ''));
  return { normaliseWord, prefixOf };
};

const normaliser = makeNormaliser(NORMALISER_TABLES);
/** One word as the index holds it. */
export const normaliseWord = normaliser.normaliseWord;
/** For a word typed partly: the raw form folded but not singularised ("organis" stays "organis"; a plural is left to the prefix). */
export const prefixOf = normaliser.prefixOf;

/** The words of a text, each as the index holds it, in order. */
export const wordsOf = (text: string): string[] => {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = normaliseWord(m[0]);
    if (w) out.push(w);
  }
  return out;
};

export type SearchQuery = {
  /** Words each result must hold; the last one also as the start of a longer word unless it was quoted. */
  words: string[];
  /** Quoted phrases: their words in that order. */
  phrases: string[][];
  /** Whether the last word may be the start of a longer one (typed partly, not quoted). */
  lastIsPrefix: boolean;
};

/** What the user typed, as words and "quoted phrases". */
export const parseQuery = (typed: string): SearchQuery => {
  const phrases: string[][] = [];
  const rest = typed.replace(/"([^"]*)"?/g, (_m, inner: string) => {
    const ws = wordsOf(inner);
    if (ws.length) phrases.push(ws);
    return ' ';
  });
  const words = wordsOf(rest);
  const trailingQuote = /"\s*$/.test(typed.trim()) || typed.trim().endsWith('"');
  return { words, phrases, lastIsPrefix: words.length > 0 && !trailingQuote && /[\p{L}\p{N}]$/u.test(rest.trimEnd()) };
};
