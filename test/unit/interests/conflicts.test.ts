import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exampleData } from '../../docxPackage';
import { commandSession, refused, TEST_TODAY } from '../../helpers';
import { listRecords, getRecord } from '../../../shared/data';
import { conflictFlags, declarationsNotInRegister, namesIn } from '../../../shared/rules/conflicts';
import { assemblePack } from '../../../shared/pack/model';
import { writePack } from '../../../shared/pack/build';

/**
 * Conflicts flagged before the meeting: the register against the next Children's Trust meeting,
 * whose Part 2 placements paper names a charity a councillor is a trustee of.
 */
const CHARITY = 'Northshire Young Carers';

const arrange = () => {
  const s = commandSession(exampleData());
  const item = listRecords(s.state.data, 'agendaItem').find((i) => i.meetingId === 'meeting:ct-next' && i.title === 'Residential placements: contract award')!;
  s.run('paper:updateBody', { agendaItemId: item.id, body: `${item.paper!.body}\n\nProvider B subcontracts respite to ${CHARITY}.`, expectedRev: item.rev });
  s.run('interests:add', { personId: 'person:dev-sandhu', kind: 'role', description: `Trustee of ${CHARITY}`, body: '', from: '2024-05-01' });
  return { s, item: getRecord(s.state.data, 'agendaItem', item.id) };
};

describe('conflicts flagged before the meeting', () => {
  it('finds the names an interest goes by: its body and the capitalised runs of its description', () => {
    expect(namesIn({ body: '', description: 'Trustee of Northshire Young Carers' })).toEqual(['Northshire Young Carers']);
    expect(namesIn({ body: 'Eastmere Foodbank', description: 'Director of Friends of Eastmere Park and chair of the Eastmere Foodbank' })).toEqual(['Eastmere Foodbank', 'Friends of Eastmere Park']);
    expect(namesIn({ body: '', description: 'A gift of two theatre tickets' })).toEqual([]);
  });

  it('flags the councillor on the Part 2 item whose paper names the charity, and no one else', () => {
    const { s, item } = arrange();
    const flags = conflictFlags(s.state.data, 'meeting:ct-next');
    expect(flags.map((f) => [f.name, f.number, f.matched, f.where, f.part2])).toEqual([['Cllr Dev Sandhu', flags[0].number, CHARITY, 'the paper', true]]);
    expect(flags[0].agendaItemId).toBe(item.id);
    // Ended before the meeting: no longer an interest to flag.
    const entry = listRecords(s.state.data, 'interest')[0];
    s.run('interests:end', { interestId: entry.id, to: TEST_TODAY, expectedRev: entry.rev });
    expect(conflictFlags(s.state.data, 'meeting:ct-next')).toEqual([]);
  });

  it('a member’s copy of the full pack says so on its cover, and the board’s policy decides whether the Part 2 paper goes with it', async () => {
    const { s, item } = arrange();
    const sent = assemblePack(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY, { forPersonId: 'person:dev-sandhu' });
    expect(sent.title).toMatch(/Full pack for Cllr Dev Sandhu$/);
    expect(sent.recipient!.interests).toEqual([expect.stringMatching(new RegExp(`^item \\d+: Residential placements: contract award \\(${CHARITY}, named in the paper; your register: Trustee of ${CHARITY}\\)$`))]);
    expect(sent.part2Papers.map((p) => p.agendaItemId)).toContain(item.id);
    const board = getRecord(s.state.data, 'board', 'board:childrens-trust');
    s.run('boards:setConflictPolicy', { boardId: board.id, policy: 'withhold', expectedRev: board.rev });
    const withheld = assemblePack(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY, { forPersonId: 'person:dev-sandhu' });
    expect(withheld.part2Papers.map((p) => p.agendaItemId)).not.toContain(item.id);
    expect(withheld.recipient!.withheld).toEqual([{ number: sent.part2Papers.find((p) => p.agendaItemId === item.id)!.number, title: 'Residential placements: contract award' }]);
    // Everyone else's copy, and the full pack itself, still carry it.
    expect(assemblePack(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY, { forPersonId: 'person:sarah-whitcombe' }).part2Papers.map((p) => p.agendaItemId)).toContain(item.id);
    expect(assemblePack(s.state.data, 'meeting:ct-next', 'full', TEST_TODAY).part2Papers.map((p) => p.agendaItemId)).toContain(item.id);
    // The Word file: the cover says it, and the withheld paper's text is not in the package.
    const { bytes } = await writePack(withheld, { builtAt: '2026-11-23T09:00:00.000Z', images: {} });
    const xml = Object.values(unzipSync(bytes)).map((b) => strFromU8(b, true)).join('\n');
    expect(xml).toContain('You may have an interest in item');
    expect(xml).toContain('are not sent to you');
    expect(xml).not.toContain('Provider B subcontracts respite');
  });

  it('refuses a member’s copy of the public pack, through the model itself', () => {
    const { s } = arrange();
    expect(refused(() => assemblePack(s.state.data, 'meeting:ct-next', 'public', TEST_TODAY, { forPersonId: 'person:dev-sandhu' })).message).toContain('build the public pack for everyone');
  });

  it('a declaration made at the meeting that the register does not hold prompts an update, until the register holds it', () => {
    const s = commandSession(exampleData());
    // The example's held meeting: a councillor declared a family member's work for Children's Services.
    expect(declarationsNotInRegister(s.state.data, 'meeting:ct-held').map((d) => d.interest)).toEqual(['A close family member works for Children’s Services']);
    const meeting = getRecord(s.state.data, 'meeting', 'meeting:ct-held');
    s.run('interests:add', { personId: 'person:dev-sandhu', kind: 'employment', description: 'A close family member works for Children’s Services', body: '', from: meeting.date });
    expect(declarationsNotInRegister(s.state.data, 'meeting:ct-held')).toEqual([]);
  });
});
