import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { exampleData, stamp } from '../../docxPackage';
import { TEST_TODAY } from '../../helpers';
import { listRecords, type StoreData } from '../../../shared/data';
import type { QRecord } from '../../../shared/schema/records';
import { buildSite } from '../../../shared/publish/site';
import { wordOfSpec } from '../../../shared/exports/document';
import { registerSpec } from '../../../shared/exports/registerExport';
import { attendanceCsv, attendanceSpec } from '../../../shared/exports/attendanceExports';
import { registerMembers } from '../../../shared/rules/interests';
import { WAIT } from '../../waits';

/**
 * The confidentiality property extended to the register of interests and the attendance record:
 * no sensitive interest (Localism Act 2011 s.32) and no reason for absence reaches a public output
 * (the website, the public register and attendance in Word and CSV); the full versions carry them.
 */
const words = async (bytes: Uint8Array) => Object.values(unzipSync(bytes)).map((b) => strFromU8(b, true)).join('\n');
const KINDS = ['organisation', 'role', 'employment', 'land', 'gift', 'hospitality'] as const;

const plant = (spec: { entries: { kind: (typeof KINDS)[number]; sensitive: boolean; ended: boolean }[]; reasons: number }) => {
  const data = exampleData();
  const records: Record<string, QRecord> = { ...data.records };
  const members = registerMembers(data, TEST_TODAY);
  const secrets: string[] = [];
  const shown: string[] = [];
  spec.entries.forEach((e, i) => {
    const token = `${e.sensitive ? 'ZQXSENSITIVE' : 'ZQXOPEN'}${i}QZX`;
    const id = `interest:p${i}`;
    records[id] = stamp({ id, type: 'interest', personId: members[i % members.length].personId, kind: e.kind, description: `${token} description`, body: `${token} body`, ...(e.kind === 'gift' || e.kind === 'hospitality' ? { valuePounds: 60 } : {}), from: '2025-01-01', ...(e.ended ? { to: '2025-06-30' } : {}), sensitive: e.sensitive });
    if (e.sensitive) secrets.push(token);
    else if (!e.ended) shown.push(token);
  });
  // Reasons for absence on the meeting held: personal, never published.
  const rows = listRecords(data, 'attendance').filter((a) => a.meetingId === 'meeting:ct-held' && a.memberKey && !a.inPlaceOfPersonId);
  rows.slice(0, spec.reasons).forEach((a, i) => {
    records[a.id] = { ...a, status: 'apologies', absenceReason: `ZQXREASON${i}QZX` } as QRecord;
    secrets.push(`ZQXREASON${i}QZX`);
  });
  return { data: { records } as StoreData, secrets, shown, reasons: Math.min(spec.reasons, rows.length) };
};

describe('register and attendance confidentiality', () => {
  it('keeps sensitive interests and reasons for absence out of the website and every public export, and carries them in the full ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ entries: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), sensitive: fc.boolean(), ended: fc.boolean() }), { minLength: 1, maxLength: 8 }), reasons: fc.integer({ min: 0, max: 3 }) }),
        async (spec) => {
          const { data, secrets, shown, reasons } = plant(spec);
          const period = { from: '2025-12-01', to: TEST_TODAY };
          const site = buildSite(data, { today: TEST_TODAY, holidays: new Set(), since: '2025-12-01' });
          const publicOutputs: [string, string][] = [
            ...site.pages.map((p) => [`the website's ${p.path}`, p.html] as [string, string]),
            ['the public register (Word)', await words(await wordOfSpec(registerSpec(data, TEST_TODAY, 'public'), '2026-11-23T09:00:00.000Z'))],
            ['the public attendance (Word)', await words(await wordOfSpec(attendanceSpec(data, period, 'public'), '2026-11-23T09:00:00.000Z'))],
            ['the public attendance (CSV)', attendanceCsv(data, period, 'public')],
          ];
          for (const [where, text] of publicOutputs) for (const s of secrets) expect(text.includes(s), `${s} in ${where}`).toBe(false);
          const register = site.pages.find((p) => p.path === 'register.html')!.html;
          for (const s of shown) expect(register, `${s} on the public register`).toContain(s);
          if (spec.entries.some((e) => e.sensitive && !e.ended)) expect(register).toContain('details withheld (Localism Act 2011 s.32)');
          // The full versions carry what the public ones leave out.
          const fullRegister = await words(await wordOfSpec(registerSpec(data, TEST_TODAY, 'full'), '2026-11-23T09:00:00.000Z'));
          for (const s of secrets.filter((x) => x.startsWith('ZQXSENSITIVE') && !spec.entries[Number(x.match(/\d+/)![0])].ended)) expect(fullRegister).toContain(s);
          const fullCsv = attendanceCsv(data, period, 'full');
          for (let i = 0; i < reasons; i++) expect(fullCsv).toContain(`ZQXREASON${i}QZX`);
        },
      ),
      { numRuns: 12 },
    );
  }, WAIT.readBack);
});
