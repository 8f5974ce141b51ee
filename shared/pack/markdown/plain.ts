import type { Token, Tokens } from 'marked';
import { withoutRawText } from './rawText';
import { decodeEntities, isHtmlMarkup, xmlSafe } from './text';

/** The plain words of inline tokens: for alt text, link text and checks. */
export const plainText = (tokens: readonly Token[] | undefined): string =>
  withoutRawText(tokens)
    .map((t) => {
      if (t.type === 'text' || t.type === 'escape') return 'tokens' in t && t.tokens?.length ? plainText(t.tokens) : decodeEntities(t.text);
      if (t.type === 'codespan') return xmlSafe(t.text);
      if (t.type === 'image') return decodeEntities((t as Tokens.Image).text);
      if (t.type === 'br') return ' ';
      if (t.type === 'html') return isHtmlMarkup(t.raw) ? '' : xmlSafe(t.raw);
      return 'tokens' in t ? plainText(t.tokens) : '';
    })
    .join('');
