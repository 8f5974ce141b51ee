import type { SnippetPart } from '../views';
import { normaliseWord, prefixOf, WORD, type SearchQuery } from './words';

/**
 * Search (docs/ARCHITECTURE.md, search): a result's snippet, the words around the first place the
 * query matched with the matching words marked, so the user sees why it was found.
 */
export type { SnippetPart };


/** Whether a word as written matches the query: one of its words, a phrase's, or the start of the partly typed one. */
export const matcherFor = (q: SearchQuery) => {
  const wanted = new Set([...q.words, ...q.phrases.flat()]);
  const prefix = q.lastIsPrefix && q.words.length ? prefixOf(q.words.at(-1)!) : undefined;
  return (raw: string) => {
    const w = normaliseWord(raw);
    return wanted.has(w) || Boolean(prefix && (w.startsWith(prefix) || prefixOf(raw).startsWith(prefix)));
  };
};

/** Up to `around` words either side of the first match (the text's start when nothing in it matched, e.g. a title hit). */
export const snippetOf = (text: string, q: SearchQuery, around = 14): SnippetPart[] => {
  const matches = matcherFor(q);
  const words = [...text.matchAll(WORD)];
  if (!words.length) return [];
  const first = Math.max(0, words.findIndex((m) => matches(m[0])));
  const from = Math.max(0, first - around);
  const to = Math.min(words.length - 1, first + around);
  const start = words[from].index!;
  let end = words[to].index! + words[to][0].length;
  // The sentence's own closing marks go with its last word ("a year." not "a year").
  while (end < text.length && /[.,;:!?)\]”’"']/.test(text[end])) end++;
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', hit: false });
  let at = start;
  for (let i = from; i <= to; i++) {
    const m = words[i];
    if (!matches(m[0])) continue;
    if (m.index! > at) parts.push({ text: text.slice(at, m.index!).replace(/\s+/g, ' '), hit: false });
    parts.push({ text: m[0], hit: true });
    at = m.index! + m[0].length;
  }
  if (end > at) parts.push({ text: text.slice(at, end).replace(/\s+/g, ' '), hit: false });
  if (to < words.length - 1) parts.push({ text: ' …', hit: false });
  return parts;
};
