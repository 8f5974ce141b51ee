import type { StoreData } from '../data';
import { heading, para, table, type PackBlock } from '../pack/parts/blocks';
import { formatUkDate } from '../rules/dates';
import { registerMembers, registerOn, sensitiveCount } from '../rules/interests';
import type { Interest } from '../schema/records';
import type { BlockSpec } from './document';
import { houseOf } from './house';
import { personName } from '../rules/people';
import type { Audience } from './attendanceExports';

/**
 * The register of interests as a document: the Word export and the website's page
 * (docs/ARCHITECTURE.md, the register of interests). The public register leaves every sensitive
 * entry out and says only that the member holds one (Localism Act 2011 s.32).
 */
export const INTEREST_KIND_LABEL: Record<Interest['kind'], string> = {
  organisation: 'Membership of an organisation',
  role: 'Office or role',
  employment: 'Employment, office, trade or profession',
  land: 'Land and property',
  gift: 'Gift',
  hospitality: 'Hospitality',
};

export const SENSITIVE_SOURCE = 'Localism Act 2011 s.32';

const valueWords = (e: Interest) => (e.valuePounds === undefined ? '' : `£${e.valuePounds.toLocaleString('en-GB', { minimumFractionDigits: e.valuePounds % 1 ? 2 : 0 })}`);

export const registerBlocks = (data: StoreData, on: string, audience: Audience): PackBlock[] => {
  const entries = registerOn(data, on, { public: audience === 'public' });
  const members = registerMembers(data, on);
  const blocks: PackBlock[] = [
    heading(1, `Register of interests as at ${formatUkDate(on)}`),
    para(
      audience === 'public'
        ? `The interests each board member has registered. A member may hold a sensitive interest whose details are withheld, because publishing them could lead to violence or intimidation (${SENSITIVE_SOURCE}); the register says only that one is held.`
        : 'The interests each board member has registered, including sensitive interests. NOT FOR PUBLICATION: the public register leaves the sensitive entries out.',
    ),
  ];
  // Members first (everyone with a seat), then anyone else with entries (an officer who registered).
  const others = [...new Set(entries.map((e) => e.personId))].filter((id) => !members.some((m) => m.personId === id));
  const people = [...members, ...others.map((personId) => ({ personId, name: personName(data, personId), organisation: '', seats: [] as string[] }))];
  for (const m of people) {
    const mine = entries.filter((e) => e.personId === m.personId);
    const withheld = audience === 'public' ? sensitiveCount(data, on, m.personId) : 0;
    blocks.push(heading(2, [m.name, m.organisation].filter(Boolean).join(', ')));
    if (m.seats.length) blocks.push(para(m.seats.join('; '), { italics: true }));
    if (mine.length)
      blocks.push(
        table(
          ['Kind', 'Interest', 'Body', 'Value', 'From', 'To', ...(audience === 'full' ? ['Sensitive'] : [])],
          mine.map((e) => [INTEREST_KIND_LABEL[e.kind], e.description, e.body, valueWords(e), formatUkDate(e.from), e.to ? formatUkDate(e.to) : '', ...(audience === 'full' ? [e.sensitive ? 'Yes: not published' : 'No'] : [])]),
        ),
      );
    else if (!withheld) blocks.push(para('No interests registered.'));
    if (withheld) blocks.push(para(`Holds ${withheld === 1 ? 'a sensitive interest' : `${withheld} sensitive interests`}: details withheld (${SENSITIVE_SOURCE}).`));
  }
  if (!people.length) blocks.push(para('No one holds a seat on a board on this day.'));
  return blocks;
};

export const registerSpec = (data: StoreData, on: string, audience: Audience): BlockSpec => ({
  title: `Register of interests as at ${formatUkDate(on)}`,
  subject: 'Register of interests',
  ...houseOf(data),
  header: audience === 'full' ? 'Register of interests · NOT FOR PUBLICATION (includes sensitive interests)' : 'Register of interests',
  footer: audience === 'full' ? 'Register of interests: full version, with sensitive interests' : 'Register of interests: public version',
  blocks: registerBlocks(data, on, audience),
});
