/** Text for an element's content: the three characters XML gives meaning to (the rest passed xmlSafe). */
export const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text for an attribute value in double quotes. */
export const escAttr = (s: string): string => escText(s).replace(/"/g, '&quot;');
