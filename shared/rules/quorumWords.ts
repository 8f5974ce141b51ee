import type { TermsOfReference } from '../schema/records';

type QuorumRule = TermsOfReference['quorum'];

/**
 * A quorum rule as boards write it, read into the parts Quorum checks at every meeting (a number
 * or fraction of members, the chair or vice-chair, a number of agencies) and the words it cannot
 * check ("one of which must be the local authority"), which are kept as the rule's remainder.
 * Printed, the parts are put back into words and the remainder follows, so the rule reads whole.
 */

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const numberIn = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORD_NUMBERS[s.toLowerCase()]);
const NUM = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

/** Markdown as plain words: links and emphasis dropped, spaces collapsed. */
export const plainText = (s: string) =>
  s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[*_`\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const FRACTIONS: [RegExp, number][] = [
  [/\b(?:at least |a minimum of |not less than )?(?:one|a) third of (?:the |its )?(?:voting |core |board )?(?:membership|members)(?: of the [a-z]+)?(?: (?:are|is|being) present)?/i, 1 / 3],
  [/\b(?:at least |a minimum of |not less than )?(?:one|a) quarter of (?:the |its )?(?:voting |core |board )?(?:membership|members)(?: (?:are|is|being) present)?/i, 0.25],
  [/\b(?:at least |a minimum of |not less than )?two thirds of (?:the |its )?(?:voting |core |board )?(?:membership|members)(?: (?:are|is|being) present)?/i, 2 / 3],
  [/\b(?:at least |a minimum of |not less than )?(?:one )?half of (?:the |its )?(?:voting |core |board )?(?:membership|members)(?: (?:are|is|being) present)?/i, 0.5],
  [/\b(?:at least |a minimum of |not less than )?(?:1\/3|33%) of (?:the |its )?(?:voting )?(?:membership|members)(?: (?:are|is|being) present)?/i, 1 / 3],
  [/\b(?:at least |a minimum of |not less than )?(?:50%) of (?:the |its )?(?:voting )?(?:membership|members)(?: (?:are|is|being) present)?/i, 0.5],
];
const MEMBERS = new RegExp(`\\b(?:at least |a minimum of |not less than )?${NUM} (?:voting |core |board )?members(?: (?:are|is|being) present)?`, 'i');
const CHAIR = /\b(?:(?:and |with |including |which must include |to include )(?:either )?)?(?:the )?(?:independent )?chair(?:person)? or (?:the )?vice[- ]?chair(?:person)?(?: (?:is|are|being) present)?|\b(?:(?:and |with |including )?)(?:the )?(?:independent )?chair(?:person)?(?: (?:is|being) present)?(?! or)/i;
const AGENCIES = new RegExp(
  `\\b(?:(?:and |from |representing |with )?(?:at least |a minimum of |not less than )?)${NUM} (?:different |partner |statutory |member |separate )?(?:agencies|organisations|organizations|partners|partner agencies|partner organisations|safeguarding partners|sectors)(?: (?:are|being) represented)?`,
  'i',
);
const ALL_PARTNERS = /\b(?:when |with |and )?(?:all three|each of the three|the three) (?:statutory |lead )?safeguarding partners(?: (?:are|being) represented)?/i;
const LEAD_IN = /^(?:the )?(?:meeting|board|partnership|trust|committee|group)?\s*(?:will be|is|shall be|is deemed|will be deemed|shall be deemed)?\s*(?:to be )?quorate\s*(?:when|if|where|provided that|with)?\s*|^(?:a |the )?quorum (?:of the [a-z ]+ )?(?:will be|is|shall be|consists of|is reached when|is met when)\s*:?\s*|^quorum\s*:\s*/i;

/** The words left when the parts Quorum understood are taken out; '' when nothing of substance remains. */
const remainderOf = (text: string, taken: RegExp[]): string => {
  let rest = text;
  for (const r of taken) rest = rest.replace(r, ' ');
  rest = rest.replace(LEAD_IN, '');
  rest = rest
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/([,;:])\s*(?=[,.;:]|$)/g, '')
    .replace(/^(?:[,.;:]|\s|and\b|or\b|with\b|including\b|are present\b|present\b|is present\b|from\b)+/i, '')
    .replace(/(?:[,;:]|\s|\band|\bor|\bwith|\bincluding|\bare|\bis|\bpresent|\brepresented)+\.?$/i, '')
    .trim();
  const words = rest.split(/\s+/).filter((w) => /[a-z]/i.test(w));
  if (words.length < 3) return '';
  return rest.charAt(0).toUpperCase() + rest.slice(1) + (/[.!?]$/.test(rest) ? '' : '.');
};

/** "A third of members, including the chair or vice-chair, and three agencies, one of which must be the local authority." */
export const readQuorum = (raw: string): QuorumRule => {
  const text = plainText(raw);
  const taken: RegExp[] = [];
  let minFraction: number | undefined;
  for (const [re, value] of FRACTIONS)
    if (re.test(text)) {
      minFraction = value;
      taken.push(re);
      break;
    }
  const members = minFraction === undefined ? MEMBERS.exec(text) : null;
  if (members) taken.push(MEMBERS);
  const agencies = AGENCIES.exec(text);
  const allPartners = !agencies && ALL_PARTNERS.test(text);
  if (agencies) taken.push(AGENCIES);
  if (allPartners) taken.push(ALL_PARTNERS);
  const chair = CHAIR.test(text);
  if (chair) taken.push(CHAIR);
  return {
    ...(minFraction !== undefined ? { minFraction } : {}),
    ...(members ? { minMembers: numberIn(members[1]) } : {}),
    requireChairOrVice: chair,
    ...(agencies ? { minAgencies: numberIn(agencies[1]) } : allPartners ? { minAgencies: 3 } : {}),
    text: remainderOf(text, taken).slice(0, 500),
  };
};

const FRACTION_WORDS: Record<string, string> = { [String(1 / 3)]: 'a third', '0.25': 'a quarter', '0.5': 'half', [String(2 / 3)]: 'two thirds' };

/** Whether words already state every part (a rule typed whole, as Quorum kept it before it read rules into parts). */
const statesParts = (q: QuorumRule): boolean => {
  if (!q.text) return false;
  const read = readQuorum(q.text);
  return read.minFraction === q.minFraction && read.minMembers === q.minMembers && read.requireChairOrVice === q.requireChairOrVice && read.minAgencies === q.minAgencies;
};

/** The rule as it is printed in the terms of reference: its parts in words, then what else it says. */
export const quorumInWords = (q: QuorumRule): string => {
  if (statesParts(q)) return q.text;
  const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
  const members = q.minFraction !== undefined ? `${FRACTION_WORDS[String(q.minFraction)] ?? `${Math.round(q.minFraction * 100)}%`} of members${q.minMembers ? ` and at least ${count(q.minMembers)}` : ''}` : q.minMembers ? `${count(q.minMembers)} member${q.minMembers === 1 ? '' : 's'}` : '';
  let said = members;
  if (q.requireChairOrVice) said = members ? `${members}, including the chair or vice-chair` : 'the chair or vice-chair';
  if (q.minAgencies) said = members ? `${said}, from at least ${count(q.minAgencies)} agencies` : said ? `${said}, with members from at least ${count(q.minAgencies)} agencies` : `members from at least ${count(q.minAgencies)} agencies`;
  said = said.charAt(0).toUpperCase() + said.slice(1);
  if (!q.text) return said ? `${said}.` : '';
  if (!said) return q.text;
  // "…, one of which must be the local authority": a remainder that qualifies the parts reads on from them.
  if (/^(one of (which|whom)|of (which|whom)|to include|including|which must|who must)\b/i.test(q.text)) return `${said}, ${q.text.charAt(0).toLowerCase()}${q.text.slice(1)}`;
  return `${said}. ${q.text}`;
};

const NUMBER_WORDS: Record<number, string> = { 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten' };
