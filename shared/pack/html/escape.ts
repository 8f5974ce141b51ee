import { xmlSafe } from '../markdown/text';

/** Text for HTML content or a double-quoted attribute: nothing typed by a user is ever markup. */
export const esc = (s: string): string =>
  xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Text for a CSS string in double quotes (a running header in an @page margin box). */
export const cssString = (s: string): string => `"${xmlSafe(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`;
