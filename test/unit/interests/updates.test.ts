import { describe, expect, it } from 'vitest';
import { exampleData, stamp } from '../../docxPackage';
import { commandSession, refused, TEST_TODAY } from '../../helpers';
import { getRecord, listRecords, type StoreData } from '../../../shared/data';
import { registerMembers, registerUpdates } from '../../../shared/rules/interests';
import { messagesDue } from '../../../shared/rules/outbox';
import type { QRecord } from '../../../shared/schema/records';

/**
 * The register's annual update and new members' registers: a 28-day clock from the day the update
 * opens (or the member joined), the requests, reminders and chasers through the outbox, and the
 * confirmation that stops them. The example partnership, today Monday 23 November 2026.
 */
const interestMail = (data: StoreData, today = TEST_TODAY) => messagesDue(data, today, new Set(), new Set()).filter((m) => m.kind.startsWith('interests-'));

describe('updates of the register', () => {
  it('asks nothing until the secretariat starts an update', () => {
    const data = exampleData();
    expect(registerUpdates(data, TEST_TODAY)).toEqual([]);
    expect(interestMail(data)).toEqual([]);
  });

  it('an update opened on 2 November asks every member to confirm by 30 November, reminds on 23 November, chases on 1 December, and stops for one who confirmed', () => {
    const s = commandSession(exampleData());
    s.run('interests:startRound', { opensOn: '2026-11-02' });
    const members = registerMembers(s.state.data, TEST_TODAY);
    const updates = registerUpdates(s.state.data, TEST_TODAY);
    expect(updates.length).toBe(members.length);
    expect(new Set(updates.map((u) => `${u.kind} ${u.opensOn} ${u.dueOn} ${u.state}`))).toEqual(new Set(['annual 2026-11-02 2026-11-30 due']));
    const today = interestMail(s.state.data);
    expect(today.filter((m) => m.kind === 'interests-request')).toHaveLength(members.length);
    expect(today.filter((m) => m.key.startsWith('interests-reminder:'))).toHaveLength(members.length);
    expect(today.filter((m) => m.key.startsWith('interests-overdue:'))).toHaveLength(0);
    const sarah = today.find((m) => m.kind === 'interests-request' && m.to[0].personId === 'person:sarah-whitcombe')!;
    expect(sarah.subject).toBe('Your register of interests: annual update, by 30 November 2026');
    expect(sarah.body).toContain('Please reply by Monday 30 November 2026 to confirm that it is complete and correct');
    expect(interestMail(s.state.data, '2026-12-01').filter((m) => m.key.startsWith('interests-overdue:'))).toHaveLength(members.length);
    expect(registerUpdates(s.state.data, '2026-12-01').every((u) => u.state === 'overdue')).toBe(true);

    s.run('interests:confirm', { personId: 'person:sarah-whitcombe', on: TEST_TODAY, note: 'Her e-mail' });
    expect(registerUpdates(s.state.data, TEST_TODAY).find((u) => u.personId === 'person:sarah-whitcombe')).toMatchObject({ state: 'confirmed', confirmedOn: TEST_TODAY });
    expect(interestMail(s.state.data).filter((m) => m.to[0].personId === 'person:sarah-whitcombe')).toEqual([]);
  });

  it('fills the request in with the member’s entries, naming a sensitive one only as one', () => {
    const s = commandSession(exampleData());
    s.run('interests:add', { personId: 'person:dev-sandhu', kind: 'role', description: 'Trustee of Northshire Young Carers', body: 'Northshire Young Carers', from: '2024-05-01' });
    s.run('interests:add', { personId: 'person:dev-sandhu', kind: 'land', description: 'A flat let near the refuge on Mill Lane', from: '2023-01-01', sensitive: true });
    s.run('interests:startRound', { opensOn: '2026-11-16' });
    const request = interestMail(s.state.data).find((m) => m.kind === 'interests-request' && m.to[0].personId === 'person:dev-sandhu')!;
    expect(request.body).toContain('- Trustee of Northshire Young Carers (Northshire Young Carers), since 1 May 2024');
    expect(request.body).toContain('- A sensitive interest (its details are held by the secretariat, not written here)');
    expect(request.body).not.toContain('Mill Lane');
  });

  it('a member who joins after the update opened has 28 days from joining (Localism Act 2011 s.30(1))', () => {
    const s = commandSession(exampleData());
    s.run('interests:startRound', { opensOn: '2026-07-01' });
    // The Children's Trust's terms of reference, version 2, approved on 10 November with a new seat for Cllr Ines Vale.
    const records: Record<string, QRecord> = { ...s.state.data.records };
    records['person:ines-vale'] = stamp({ id: 'person:ines-vale', type: 'person', name: 'Cllr Ines Vale', jobTitle: 'Councillor', organisationId: 'organisation:council', email: 'ines.vale@example.org.uk' });
    const v1 = getRecord(s.state.data, 'tor', 'tor:childrens-trust-v1');
    records['tor:childrens-trust-v1'] = { ...v1, status: 'superseded' } as QRecord;
    records['tor:childrens-trust-v2'] = stamp({ ...v1, id: 'tor:childrens-trust-v2', version: 2, status: 'approved', members: [...v1.members, { key: 'cllr-2', role: 'Councillor', organisationId: 'organisation:council', personId: 'person:ines-vale', deputyAllowed: false, voting: true }], approval: { date: '2026-11-10' } });
    const data = { records };
    const ines = registerUpdates(data, TEST_TODAY).find((u) => u.personId === 'person:ines-vale')!;
    expect(ines).toMatchObject({ kind: 'new-member', opensOn: '2026-11-10', dueOn: '2026-12-08', state: 'due' });
    const request = interestMail(data).find((m) => m.to[0].personId === 'person:ines-vale')!;
    expect(request.body).toContain('within 28 days of joining (Localism Act 2011 s.30(1): within 28 days of becoming a member)');
    // Everyone else still owes the annual update opened in July: overdue since 29 July.
    expect(registerUpdates(data, TEST_TODAY).find((u) => u.personId === 'person:sarah-whitcombe')).toMatchObject({ kind: 'annual', dueOn: '2026-07-29', state: 'overdue' });
  });

  it('refuses, in the operations, an update still to come, a second one within the year, and a confirmation still to come', () => {
    const s = commandSession(exampleData());
    expect(refused(() => s.run('interests:startRound', { opensOn: '2026-12-01' })).message).toBe('1 December 2026 is still to come: start the update on the day the requests go out.');
    s.run('interests:startRound', { opensOn: '2026-11-02' });
    expect(refused(() => s.run('interests:startRound', { opensOn: '2026-11-20' })).message).toBe('An update of the register opened on 2 November 2026: the next is due about a year after it.');
    expect(refused(() => s.run('interests:confirm', { personId: 'person:sarah-whitcombe', on: '2026-11-30' })).message).toBe('30 November 2026 is still to come: record a confirmation once it is given.');
    expect(listRecords(s.state.data, 'interestReturn')).toEqual([]);
  });
});
