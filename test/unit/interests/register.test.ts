import { describe, expect, it } from 'vitest';
import { listRecords } from '../../../shared/data';
import { listRegister } from '../../../shared/features/interests';
import { exampleData } from '../../docxPackage';
import { commandSession, refused, TEST_TODAY } from '../../helpers';

const env = { today: TEST_TODAY, holidays: new Set<string>(), hasImage: () => true };

describe('the register of interests', () => {
  it('holds each entry with its dates, shows it as of any day, and keeps a sensitive one off the public register', () => {
    const s = commandSession(exampleData());
    const person = listRecords(s.state.data, 'person')[0];
    s.run('interests:add', { personId: person.id, kind: 'role', description: 'Trustee of Northshire Young Carers', body: 'Northshire Young Carers', from: '2025-04-01' });
    s.run('interests:add', { personId: person.id, kind: 'hospitality', description: 'Dinner at a providers’ conference', body: 'Care Providers Forum', valuePounds: 65, from: '2026-10-02', to: '2026-10-02' });
    s.run('interests:add', { personId: person.id, kind: 'land', description: 'A house let to the council', from: '2024-01-01', sensitive: true });
    const onDay = (on: string, pub = false) => listRegister.view(s.state.data, { on, public: pub }, env);
    expect(onDay(TEST_TODAY).entries.map((e) => e.kind)).toEqual(['land', 'role']);
    expect(onDay('2026-10-02').entries.map((e) => e.kind)).toEqual(['hospitality', 'land', 'role']);
    // The public register: the sensitive entry is left out, and says only that there is one.
    const open = onDay(TEST_TODAY, true);
    expect(open.entries.map((e) => e.description)).toEqual(['Trustee of Northshire Young Carers']);
    expect(JSON.stringify(open)).not.toContain('A house let to the council');
    expect(open.sensitiveHeld).toEqual({ [person.id]: 1 });
    // Ended: off the register from the day after.
    const role = listRecords(s.state.data, 'interest').find((i) => i.kind === 'role')!;
    s.run('interests:end', { interestId: role.id, to: '2026-11-01', expectedRev: role.rev });
    expect(onDay(TEST_TODAY).entries.map((e) => e.kind)).toEqual(['land']);
    expect(onDay('2026-11-01').entries.map((e) => e.kind)).toEqual(['land', 'role']);
  });

  it('refuses an entry that cannot be true, in the operation itself', () => {
    const s = commandSession(exampleData());
    const person = listRecords(s.state.data, 'person')[0];
    expect(refused(() => s.run('interests:add', { personId: person.id, kind: 'gift', description: 'A bottle of wine', from: '2026-11-01' })).message).toMatch(/Give the value of the gift/);
    expect(refused(() => s.run('interests:add', { personId: person.id, kind: 'role', description: 'Governor', from: '2026-11-01', to: '2026-10-01' })).message).toMatch(/cannot end .* before it began/);
    expect(refused(() => s.run('interests:add', { personId: person.id, kind: 'role', description: 'Governor', from: '2027-01-01' })).message).toMatch(/still to come/);
    expect(listRecords(s.state.data, 'interest')).toEqual([]);
  });
});
