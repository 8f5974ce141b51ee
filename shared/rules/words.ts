/**
 * Text in the messages Quorum writes (the journal's summaries, refusals): titles shortened at a
 * word, never in the middle of one, and counts with the right plural.
 */
export const clip = (text: string, max: number): string => {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
};

/** "1 row", "2 rows", "1 person", "3 people". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A title or wording quoted in a journal summary: in curly quotes, clipped to 80 characters. */
export const quoted = (text: string): string => `“${clip(text, 80)}”`;
