/** FNV-1a over a value's JSON: enough to see that a paper, a briefing or a cleared text has changed. */
export const fingerprintOf = (value: unknown): string => {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};
