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
