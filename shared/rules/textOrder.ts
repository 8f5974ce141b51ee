/**
 * Names in English alphabetical order (the order of `localeCompare(…, 'en-GB')`), for lists a
 * reader scans by name (boards, people). Where two names first differ in a plain letter or digit
 * of different sort weight, the answer is read from those two characters; otherwise ICU's collator
 * decides. The collator costs a fresh process about 10 ms to load (`quorum check` answers in
 * ~0.2 s), and most names are told apart by a letter.
 *
 * Why reading two characters is exact there: in Unicode's collation (UTS #10, CLDR root, which
 * en-GB follows) the first difference in primary weight decides, digits come before letters, a
 * letter's case is a lesser (tertiary) difference, and every character before the first
 * difference is the same in both names.
 */
const ALNUM = /[0-9A-Za-z]/;
let collator: Intl.Collator | undefined;

export const compareEnglish = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < n && ALNUM.test(a[i]) && ALNUM.test(b[i])) {
    const x = a[i].toLowerCase();
    const y = b[i].toLowerCase();
    if (x !== y) return x < y ? -1 : 1;
  }
  return (collator ??= new Intl.Collator('en-GB')).compare(a, b);
};

/**
 * Text written for machines in code-unit order: ISO dates and times, record ids, agenda order keys
 * (shared/rules/order.ts). That order is the one they are made to sort in, and it needs no collator.
 */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
