import { describe, expect, it } from 'vitest';
import { runCli, useExampleFolders } from '../../helpers';

const folders = useExampleFolders();

/** A Safeguarding Partnership set up from empty, headless, as a council's IT would script it. */
describe('quorum obligations and quorum check, on a partnership set up from empty', () => {
  it('opens a case with quorum call cases:open, and both commands list the same ISO due dates', async () => {
    const dir = folders.temp();
    const call = async (channel: string, input: unknown, today = '2024-12-16') => {
      const r = await runCli('call', channel, '--data', dir, '--input', JSON.stringify(input), '--today', today);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out);
    };
    expect((await runCli('init', '--data', dir, '--partnership', 'Harrowfield Partnership', '--today', '2024-12-16')).code).toBe(0);
    const { boardId } = await call('boards:add', { name: 'Harrowfield Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference' });
    await call('meetings:create', { boardId, date: '2025-02-04', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre' });
    const opened = await call('cases:open', { boardId, kind: 'serious-incident-notification', startsOn: '2024-12-13' });
    expect(opened.caseId).toMatch(/^case:/);
    await call('cases:step', { caseId: opened.caseId, key: 'sin.notification', on: '2024-12-20' }, '2024-12-20');

    const listed = await runCli('obligations', '--data', dir, '--board', boardId, '--json', '--today', '2025-01-06');
    expect(listed.code, listed.err).toBe(0);
    const obligations = JSON.parse(listed.out).obligations as { key: string; dueOn: string | null; status: string; caseReference?: string; source: string }[];
    expect(obligations.find((o) => o.key === 'sin.rapid-review')).toMatchObject({ dueOn: '2025-01-15', status: 'due', caseReference: 'SIN-2024-01', source: expect.stringContaining('Working Together to Safeguard Children 2023') });
    expect(obligations.find((o) => o.key === 'sin.notification')).toMatchObject({ status: 'met', dueOn: '2024-12-20' });
    expect(obligations.find((o) => o.key === 'scp.yearly-report')).toMatchObject({ status: 'not-set', dueOn: null });

    const checked = await runCli('check', '--data', dir, '--json', '--today', '2025-01-06');
    const report = JSON.parse(checked.out);
    expect(report.obligations.map((o: { key: string; dueOn: string | null }) => [o.key, o.dueOn])).toEqual(obligations.map((o) => [o.key, o.dueOn]));
    expect(report.warnings).toContainEqual(expect.objectContaining({ kind: 'obligation-due', dueOn: '2025-01-15' }));

    // The text both print: the same line for the rapid review, the date first.
    const text = await runCli('obligations', '--data', dir, '--today', '2025-01-06');
    const line = text.out.split('\n').find((l) => l.includes('Rapid review'))!;
    expect(line.trim()).toMatch(/^2025-01-15 {2}due +SIN-2024-01: Rapid review completed .* due by Wednesday 15 January 2025\. No meeting of the board falls before 15 January 2025\. The terms of reference allow no decision between meetings/);
    expect((await runCli('check', '--data', dir, '--today', '2025-01-06')).out).toContain(line.trim());

    // Overdue once the day has passed; a bad board is refused in plain words.
    const late = JSON.parse((await runCli('obligations', '--data', dir, '--json', '--today', '2025-01-16')).out).obligations;
    expect(late.find((o: { key: string }) => o.key === 'sin.rapid-review')).toMatchObject({ status: 'overdue' });
    // A board the partnership does not have: not found (exit 1), naming the boards it has, as every verb's --board says.
    expect(await runCli('obligations', '--data', dir, '--board', 'Parish Council')).toMatchObject({ code: 1, err: expect.stringMatching(/There is no board “Parish Council”; the boards are: Safeguarding Partnership \(board:/) });
    // The board as the office names it: its initials.
    expect(await runCli('obligations', '--data', dir, '--board', 'SCP')).toMatchObject({ code: 0 });
  });
});
