import { Lexer, type Token } from 'marked';

/** Markdown the formatted editor cannot show faithfully: editing it there would lose it. */
const UNSUPPORTED = new Set(['table', 'image', 'html']);

const walk = (tokens: Token[], found: Set<string>) => {
  for (const t of tokens) {
    if (UNSUPPORTED.has(t.type)) found.add(t.type);
    if (t.type === 'list' && (t as { items: { task: boolean }[] }).items.some((i) => i.task)) found.add('task list');
    const children = (t as { tokens?: Token[] }).tokens;
    if (children) walk(children, found);
    if (t.type === 'list') for (const item of (t as { items: Token[] }).items) walk([item], found);
  }
  return found;
};

/** What in this Markdown only the Markdown mode can keep ("table", "image", "html", "task list"). */
export const markdownOnlyFeatures = (markdown: string): string[] => [...walk(new Lexer().lex(markdown), new Set())];

type Edit = { text: string; start: number; end: number };

/** Wraps the selection ("**text**") or prefixes each selected line ("- ", "1. "), as Word's buttons would. */
export const applyFormat = (value: string, start: number, end: number, kind: 'bold' | 'italic' | 'bullets' | 'numbers'): Edit => {
  if (kind === 'bold' || kind === 'italic') {
    const mark = kind === 'bold' ? '**' : '*';
    const selected = value.slice(start, end) || (kind === 'bold' ? 'bold text' : 'italic text');
    const text = value.slice(0, start) + mark + selected + mark + value.slice(end);
    return { text, start: start + mark.length, end: start + mark.length + selected.length };
  }
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const lines = value.slice(lineStart, end).split('\n');
  const prefixed = lines.map((l, i) => (kind === 'bullets' ? `- ${l.replace(/^(- |\d+\. )/, '')}` : `${i + 1}. ${l.replace(/^(- |\d+\. )/, '')}`)).join('\n');
  const text = value.slice(0, lineStart) + prefixed + value.slice(end);
  return { text, start: lineStart, end: lineStart + prefixed.length };
};
