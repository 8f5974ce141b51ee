import type { Token } from 'marked';

/** Elements whose content HTML never shows as text (HTML Living Standard, raw text and escapable raw text elements). */
const RAW_TEXT = /^<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b[^>]*>$/i;

/**
 * Inline tokens with what sits inside raw HTML elements taken out: marked reads the text after a
 * typed `<style>` or `<script>` as text, which would otherwise print (e.g. an `<img onerror=…>`
 * smuggled inside `<style>`, a mutation-XSS string).
 */
export const withoutRawText = (tokens: readonly Token[] | undefined): Token[] => {
  const out: Token[] = [];
  let closing: RegExp | null = null;
  for (const t of tokens ?? []) {
    if (closing) {
      if (t.type === 'html' && closing.test(t.raw)) closing = null;
      continue;
    }
    const open = t.type === 'html' ? RAW_TEXT.exec(t.raw.trim()) : null;
    if (open) closing = new RegExp(`^</${open[1]}\\s*>`, 'i');
    else out.push(t);
  }
  return out;
};
