import { Lexer, type Token } from 'marked';

/** How much recently read Markdown (in characters) keeps its tokens: a ~1,000-page pack is about 3 million. */
const LEXED_KEPT_CHARS = 8_000_000;
const lexed = new Map<string, Token[]>();
let lexedChars = 0;

const remember = (markdown: string, tokens: Token[]) => {
  if (markdown.length > LEXED_KEPT_CHARS || lexed.has(markdown)) return;
  lexed.set(markdown, tokens);
  lexedChars += markdown.length;
  for (const oldest of lexed.keys()) {
    if (lexedChars <= LEXED_KEPT_CHARS) break;
    lexed.delete(oldest);
    lexedChars -= oldest.length;
  }
};

/** The tokens already read for these texts (those not read, or forgotten, are left out). */
export const tokensKept = (texts: Iterable<string>): [string, readonly Token[]][] => {
  const out: [string, readonly Token[]][] = [];
  for (const text of new Set(texts)) {
    const tokens = lexed.get(text);
    if (tokens) out.push([text, tokens]);
  }
  return out;
};

/**
 * Tokens read by another thread for these texts: the app's pack builder is sent the pre-flight's
 * tokens with its pack, since copying them across costs less than reading the Markdown again.
 */
export const keepTokens = (entries: readonly (readonly [string, readonly Token[]])[]): void => {
  for (const [text, tokens] of entries) remember(text, tokens as Token[]);
};

/**
 * Markdown as the store keeps it, read with GitHub's dialect (tables, task lists, strikethrough).
 * Each text is read once and its tokens shared: the pre-flight and the build walk the same tokens
 * (the pack's papers are lexed once, not twice), and a pre-flight asked again after a save reads
 * only the paper that changed. The most recently read texts are kept, up to LEXED_KEPT_CHARS.
 * The tokens are shared, so nothing that walks them may change them.
 */
export const lexMarkdown = (markdown: string): readonly Token[] => {
  const known = lexed.get(markdown);
  if (known) {
    // Map order is insertion order: moved to the end, it is the last to be forgotten.
    lexed.delete(markdown);
    lexed.set(markdown, known);
    return known;
  }
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(markdown);
  remember(markdown, tokens);
  return tokens;
};

