import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { readPackage, xmlProblems } from '../docxPackage';
import { runCli, useExampleFolders } from '../helpers';

/**
 * Attendance and the register of interests from the CLI, as files a scrutineer is sent: the
 * figures in Word and CSV, the public versions without reasons for absence or sensitive interests.
 */
const { example } = useExampleFolders();
const textOf = async (file: string) => (await mammoth.extractRawText({ buffer: readFileSync(file) })).value.replace(/\s+/g, ' ');

describe('quorum export attendance and register', () => {
  it('writes the Children’s Trust’s attendance as CSV and Word: the meeting held, each member’s outcome, the reason only in the full version', async () => {
    const dir = await example();
    // Dr Leah Donnelly sent apologies; the officer records why.
    const call = await runCli('call', 'attendance:set', '--data', dir, '--input', JSON.stringify({ meetingId: 'meeting:ct-held', personId: 'person:leah-donnelly', status: 'apologies', absenceReason: 'At the regional public health conference' }));
    expect(call.code, call.err).toBe(0);
    const full = join(dir, 'attendance.csv');
    const r = await runCli('export', 'attendance', '--data', dir, '--board', 'board:childrens-trust', '--variant', 'full', '--out', full);
    expect(r.code, r.err).toBe(0);
    const csv = readFileSync(full, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('"Member","Organisation","Seat","Meetings expected","Present","By a substitute","Apologies","Absent without apologies","Not recorded","Attended","Reasons for absence"');
    const leah = lines.find((l) => l.includes('Leah Donnelly'))!;
    // Two meetings in the twelve months: the one held (apologies, with the reason) and the one before, whose attendance was never recorded.
    expect(leah).toMatch(/"2","0","0","1","0","1","0 of 2 \(0%\)","\d{4}-\d{2}-\d{2}: At the regional public health conference"$/);
    // Gareth Lyle sent Martin Doyle in his place: represented by a substitute.
    expect(lines.find((l) => l.includes('Gareth Lyle'))).toMatch(/"2","0","1","0","0","1","1 of 2 \(50%\)"/);
    const pub = join(dir, 'attendance-public.csv');
    expect((await runCli('export', 'attendance', '--data', dir, '--board', 'board:childrens-trust', '--out', pub)).code).toBe(0);
    expect(readFileSync(pub, 'utf8')).not.toContain('regional public health conference');
    const word = join(dir, 'attendance.docx');
    expect((await runCli('export', 'attendance', '--data', dir, '--board', 'board:childrens-trust', '--out', word)).code).toBe(0);
    const text = await textOf(word);
    expect(text).toContain('Attendance and representation: Eastmere Children’s Trust Board');
    expect(text).toContain('2 meetings held');
    expect(text).not.toContain('regional public health conference');
    expect(xmlProblems(readPackage(readFileSync(word)))).toEqual([]);
  });

  it('writes the register of interests: the public version withholds a sensitive interest and says one is held', async () => {
    const dir = await example();
    const add = (input: object) => runCli('call', 'interests:add', '--data', dir, '--input', JSON.stringify(input));
    expect((await add({ personId: 'person:dev-sandhu', kind: 'role', description: 'Trustee of Northshire Young Carers', body: 'Northshire Young Carers', from: '2024-05-01' })).code).toBe(0);
    expect((await add({ personId: 'person:dev-sandhu', kind: 'land', description: 'A flat let near the refuge on Mill Lane', from: '2023-01-01', sensitive: true })).code).toBe(0);
    const pub = join(dir, 'register.docx');
    const r = await runCli('export', 'register', '--data', dir, '--out', pub, '--json');
    expect(r.code, r.err).toBe(0);
    const text = await textOf(pub);
    expect(text).toContain('Trustee of Northshire Young Carers');
    expect(text).not.toContain('Mill Lane');
    expect(text).toContain('Holds a sensitive interest: details withheld (Localism Act 2011 s.32).');
    const full = join(dir, 'register-full.docx');
    expect((await runCli('export', 'register', '--data', dir, '--variant', 'full', '--out', full)).code).toBe(0);
    expect(await textOf(full)).toContain('A flat let near the refuge on Mill Lane');
    expect(xmlProblems(readPackage(readFileSync(full)))).toEqual([]);
  });

  it('refuses a period written wrongly or backwards, in plain words', async () => {
    const dir = await example();
    const bad = await runCli('export', 'attendance', '--data', dir, '--from', '1/4/2026', '--out', join(dir, 'a.csv'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from must be a date written YYYY-MM-DD');
    const backwards = await runCli('export', 'attendance', '--data', dir, '--from', '2026-04-01', '--to', '2026-03-31', '--out', join(dir, 'a.csv'));
    expect(backwards.code).toBe(2);
    expect(backwards.err).toContain('is after --to');
  });
});
