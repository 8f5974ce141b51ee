import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, TEST_TODAY, useExampleFolders, storeBytesOnDisk, savedStore } from '../helpers';

const folders = useExampleFolders();
const call = async (dir: string, channel: string, input: unknown) => {
  const r = await runCli('call', channel, '--data', dir, '--input', JSON.stringify(input));
  return { ...r, value: r.code === 0 ? JSON.parse(r.out) : undefined };
};

describe('quorum init and quorum call: a partnership set up from empty, headless', () => {
  it('creates an empty partnership, then its organisation, person, board, meeting and agenda through the same operations as the app', async () => {
    const dir = folders.temp();
    expect(await runCli('init', '--data', dir, '--partnership', 'Westmoor Children and Families Partnership')).toMatchObject({ code: 0 });
    const org = await call(dir, 'organisations:add', { name: 'Westmoor Council', kind: 'council' });
    expect(org).toMatchObject({ code: 0, value: { organisationId: expect.stringMatching(/^organisation:/) } });
    const person = await call(dir, 'people:add', { name: 'Ruth Okafor', jobTitle: 'Director of Children’s Services', organisationId: org.value.organisationId, email: 'ruth.okafor@westmoor.example', phone: '' });
    expect(person.code, person.err).toBe(0);
    const board = await call(dir, 'boards:add', { name: 'Westmoor Children’s Trust Board', shortName: 'Children’s Trust', kind: 'childrens-trust', rules: 'own-terms-of-reference' });
    const meeting = await call(dir, 'meetings:create', { boardId: board.value.boardId, date: '2027-01-19', startTime: '15:00', endTime: '17:00', venue: 'Westmoor Civic Centre' });
    expect(meeting.code, meeting.err).toBe(0);
    expect((await call(dir, 'agenda:draft', { meetingId: meeting.value.meetingId })).code).toBe(0);
    const list = await call(dir, 'meetings:list', {});
    expect(list.value).toEqual([expect.objectContaining({ boardName: 'Westmoor Children’s Trust Board', date: '2027-01-19', agendaItems: 6 })]);
    // Nothing of the example anywhere: only what was set up.
    const store = savedStore(dir);
    expect(Object.keys(store.records).filter((id) => /eastmere|ct-|childrens-trust$/.test(id))).toEqual([]);
    expect((await runCli('check', '--data', dir, '--json')).code).toBe(0);
  });

  it('refuses bad calls with the reason, and writes nothing', async () => {
    const dir = await folders.example();
    const before = storeBytesOnDisk(dir);
    expect(await runCli('call', 'meetings:lst', '--data', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/there is no operation "meetings:lst"/) });
    expect(await runCli('call', 'meetings:list', '--data', dir, '--input', '{oops')).toMatchObject({ code: 2, err: expect.stringMatching(/--input is not JSON/) });
    expect(await runCli('call', 'pack:build', '--data', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/needs Quorum's window.*quorum pack/) });
    const dup = await call(dir, 'people:add', { name: 'Someone Else', jobTitle: '', organisationId: 'organisation:council', email: 'AMIRA.HADDAD@example.org.uk', phone: '' });
    expect(dup).toMatchObject({ code: 1, err: expect.stringMatching(/already has the email/) });
    const wrong = await call(dir, 'boards:add', { name: '', shortName: 'X', kind: 'cabinet', rules: 'own-terms-of-reference' });
    expect(wrong).toMatchObject({ code: 1, err: expect.stringMatching(/Name: Fill this in|Kind/) });
    expect(storeBytesOnDisk(dir).equals(before)).toBe(true);
    const file = join(folders.temp(), 'input.json');
    writeFileSync(file, JSON.stringify({ boardId: 'board:hwb' }));
    expect(await runCli('call', 'papers:outstanding', '--data', dir, '--input', `@${file}`, '--today', TEST_TODAY)).toMatchObject({ code: 0 });
  });
});
