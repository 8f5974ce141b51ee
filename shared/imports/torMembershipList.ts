import type { Tokens } from 'marked';
import type { Organisation, Person } from '../schema/records';
import { plainText as plain } from '../rules/quorumWords';
import { nameKey, nearest, sameName } from './table';

/**
 * One seat as a terms-of-reference document gives it: a row of its membership table, or an item
 * of its membership list. `row` is the table's row (as the spreadsheet view numbers it, from 2) or
 * the item's place in the list (from 1).
 */
export type SeatLine = { row: number; role: string; organisation: string; nameCell: string; deputyCell: string; votingCell: string };

/** "Dr Lena Fry", "Cllr Ann Bell", "DCI Jo Pryce": a title that says the words are a person's name. */
const HONORIFIC = /^(?:dr|doctor|cllr|councillor|mr|mrs|ms|miss|mx|prof|professor|dci|di|ds|dsupt|det supt|supt|superintendent|ch supt|chief superintendent|acc|rev|revd|sir|dame)\.?\s+/i;

/** A person's name without its titles: "Cllr Dr Ann Bell" → "Ann Bell". */
export const withoutTitles = (name: string): string => {
  let n = name.replace(/\s+/g, ' ').trim();
  while (HONORIFIC.test(n)) n = n.replace(HONORIFIC, '');
  return n;
};

/**
 * What a seat's role is for matching one seat against another: its words without the notes a
 * document adds in brackets ("(Chair)", "(non-voting)") or a leading article. "The Director of
 * Public Health (Chair)" is the seat a people sheet calls "Director of Public Health".
 */
export const seatRoleKey = (role: string): string =>
  nameKey(
    role
      .replace(/\((?:joint\s+)?(?:vice[- ]?)?chair(?:man|person|woman)?\)|\((?:non[- ]?)?voting(?: member)?\)/gi, ' ')
      .replace(/^\s*(?:the|a|an)\s+/i, ''),
  );

/** An item this long, or a full sentence this long, is about the membership ("Members may bring a colleague…"), not a seat. */
const MOST_WORDS = 18;
const MOST_WORDS_IN_A_SENTENCE = 10;
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Words that say what kind of member a group heading is ("Police partners:"), not which organisation. */
const GROUP_WORDS = /^(?:partners?|agenc(?:y|ies)|representatives?|members?|membership|organisations?|bodies|body|sector|services?|and|the|of|from|other|statutory|relevant)$/i;

/**
 * The seats of a membership written as a list, as many terms of reference are typed: one item a
 * seat, "Cabinet Member for Health (Chair)", "Chief Nurse, Northbrook ICB", "Director of Public
 * Health – Dr Asha Varma". A part of an item (after a comma or a spaced dash, or in brackets) is
 * read as the seat's organisation when it names an organisation of the partnership (or nearly
 * does, to be offered as "did you mean"), as its person when it names a person of the partnership
 * or starts with a title (Dr, Cllr, DCI…); any other part stays in the role, so "Director of
 * Children, Young People and Families" keeps its comma. A nested list takes its parent item
 * ("Health partners:") as a heading, not a seat, and the parent's organisation when it names one.
 */
export const seatsFromList = (list: Tokens.List, organisations: Organisation[], people: Person[]): SeatLine[] => {
  // An organisation named as whole words of the part, or the part as whole words of its name.
  const within = (outer: string, inner: string) => Boolean(inner) && ` ${outer} `.includes(` ${inner} `);
  const isOrganisation = (part: string) => {
    const key = nameKey(part);
    if (!key) return false;
    if (organisations.some((o) => sameName(o.name, part) || within(nameKey(o.name), key) || within(key, nameKey(o.name)))) return true;
    return nearest(part, organisations.map((o) => o.name)) !== undefined;
  };
  const isPerson = (part: string) => HONORIFIC.test(part.trim()) || people.some((p) => sameName(withoutTitles(p.name), withoutTitles(part)));
  const lines: SeatLine[] = [];

  // "Police partners:" heads the police's seats when one organisation of the partnership has "police" in its name.
  const organisationOfGroup = (heading: string): string | undefined => {
    if (isOrganisation(heading)) return heading;
    for (const word of heading.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !GROUP_WORDS.test(w))) {
      const named = organisations.filter((o) => nameKey(o.name).split(' ').includes(nameKey(word)));
      if (named.length === 1) return named[0].name;
    }
    return undefined;
  };

  const read = (text: string, inherited: string) => {
    if (wordsIn(text) > MOST_WORDS || (/\.\s*$/.test(text) && wordsIn(text) > MOST_WORDS_IN_A_SENTENCE)) return;
    // "…Health; and", "…Care, or": the list's own joining words go, a seat ending "Mayor" keeps its "or".
    let role = text.replace(/[;,.]?\s*(?:\b(?:and|or))?\s*[;,.]?\s*$/i, '').trim();
    let organisation = '';
    let nameCell = '';
    // Bracketed parts first: "(Northbrook ICB)", "(Dr Asha Varma)"; "(Chair)" stays in the role.
    role = role.replace(/\s*\(([^()]{2,80})\)/g, (whole, inner: string) => {
      if (!organisation && isOrganisation(inner)) organisation = inner.trim();
      else if (!nameCell && isPerson(inner)) nameCell = inner.trim();
      else return whole;
      return '';
    });
    const parts = role.split(/\s*,\s+|\s+[–—-]\s+/);
    const kept = [parts[0]];
    for (const part of parts.slice(1)) {
      if (!organisation && isOrganisation(part)) organisation = part.trim();
      else if (!nameCell && isPerson(part)) nameCell = part.trim();
      else kept.push(part);
    }
    role = kept.join(', ').replace(/^\s*(?:the|a|an)\s+/i, '').trim();
    // "Representative of Northbrook Council": the organisation named inside the role.
    if (!organisation && !inherited) organisation = organisations.find((o) => within(nameKey(role), nameKey(o.name)))?.name ?? '';
    role = role.charAt(0).toUpperCase() + role.slice(1);
    if (!role) return;
    lines.push({ row: lines.length + 1, role, organisation: organisation || inherited, nameCell, deputyCell: '', votingCell: '' });
  };

  const walk = (l: Tokens.List, inherited: string) => {
    for (const item of l.items) {
      const nested = item.tokens.filter((t): t is Tokens.List => t.type === 'list');
      const text = plain(item.text.split('\n')[0] ?? '');
      // "Police partners:" over its own list heads those seats; a seat with notes under it ("or a nominated deputy") is the seat.
      if (nested.length && /:\s*$/.test(text)) {
        const heading = text.replace(/:\s*$/, '').trim();
        const organisation = organisationOfGroup(heading) ?? inherited;
        for (const n of nested) walk(n, organisation);
      } else if (text) read(text, inherited);
    }
  };
  walk(list, '');
  return lines;
};
