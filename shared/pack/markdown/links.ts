/**
 * Links a pack may carry: http, https and mailto only. Anything else (javascript:, data:, file:,
 * vbscript:, relative paths) becomes plain text, so a pack can never run or open something local.
 */
export const checkLinkHref = (href: string): string | undefined => {
  const trimmed = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
};

/** Link text that says nothing out of context (WCAG 2.4.4 link purpose). */
const VAGUE = /^(click here|here|click|link|this link|read more|more|more info|more information|this|go|see here|download)$/i;
export const isVagueLinkText = (text: string): boolean => VAGUE.test(text.trim().replace(/[.!:]+$/, ''));
