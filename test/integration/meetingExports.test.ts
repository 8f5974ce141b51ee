import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import ICAL from 'ical.js';
import { ukDateOf, ukTimeOf } from '../../shared/clock';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { readPackage, xmlProblems } from '../docxPackage';
import { runCli, stubPlatform, tempDir, useExampleFolders, testClock, savedStore } from '../helpers';
import { loadExample } from '../../main/services/example';

const run = runCli;

const { example, onCleanup } = useExampleFolders();
const textOf = async (file: string) => (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;

describe('Word exports of a meeting', () => {
  it('writes the minutes in the published layout: attendance, substitutes, apologies, declarations, each item with its resolutions and actions', async () => {
    const dir = await example();
    const file = join(dir, 'out', 'minutes.docx');
    const r = await run('export', 'minutes', '--data', dir, '--meeting', 'meeting:ct-held', '--out', file);
    expect(r.code, r.err).toBe(0);
    const text = await textOf(file);
    for (const expected of [
      'draft minutes of the meeting held on 13 October 2026',
      'Present',
      'Ruth Hallam',
      'Martin Doyle, Vice-Chair, Eastmere Governors Forum, attended in place of Gareth Lyle',
      'Apologies',
      'Declarations of interest',
      'Dev Sandhu: A close family member works for Children’s Services',
      'It was resolved that:',
      'The revised terms of reference be approved.',
      'A follow-up report on re-referrals comes to a later meeting.',
      'Report re-referral rates within twelve months by referring agency',
      'Provide data on the timeliness of police notifications to the front door',
    ])
      expect(text, expected).toContain(expected);
    const pkg = readPackage(readFileSync(file));
    expect(xmlProblems(pkg)).toEqual([]);
    expect(pkg.parts['docProps/core.xml']).toContain('<dc:language>en-GB</dc:language>');
    expect(pkg.parts['word/footer1.xml'] ?? Object.entries(pkg.parts).find(([k]) => k.startsWith('word/footer'))?.[1]).toMatch(/Draft minutes/);
  });

  it('writes the agenda with every item, and keeps Part 2 papers out of the public one', async () => {
    const dir = await example();
    const file = join(dir, 'agenda.docx');
    expect((await run('export', 'agenda', '--data', dir, '--meeting', 'next', '--board', 'board:childrens-trust', '--out', file)).code).toBe(0);
    const text = await textOf(file);
    for (const title of ['Apologies, introductions and declarations of interest', 'Improvement plan: progress report', 'Deep dive: neglect and the graded care profile', 'Any other business and date of next meeting', 'Residential placements: contract award (Part 2: exempt, paragraph 3)'])
      expect(text).toContain(title);
    expect(text).toMatch(/15:00/);
    expect(text).not.toContain('Provider B');
    const pkg = readPackage(readFileSync(file));
    expect(pkg.document).toContain('<w:tblHeader/>');
  });

  it('writes the action log in landscape with a status word beside each colour', async () => {
    const dir = await example();
    const file = join(dir, 'actions.docx');
    expect((await run('export', 'actions', '--data', dir, '--meeting', 'meeting:ct-next', '--variant', 'full', '--out', file)).code).toBe(0);
    const text = await textOf(file);
    expect(text).toContain('Confirm health representation at the front door’s daily meeting');
    expect(text).toMatch(/Overdue|Due soon|On track/);
    expect(readPackage(readFileSync(file)).document).toMatch(/w:orient="landscape"/);
  });

  it('refuses without saying what to export, and with the wrong extension', async () => {
    const dir = await example();
    expect((await run('export', '--data', dir, '--out', join(dir, 'x.docx'))).code).toBe(2);
    expect((await run('export', 'minutes', '--data', dir, '--meeting', 'next', '--out', join(dir, 'x.pdf'))).code).toBe(2);
    expect((await run('export', 'minutes', '--data', dir, '--meeting', 'meeting:nope', '--out', join(dir, 'x.docx'))).code).toBe(1);
  });
});

describe('the meetings calendar', () => {
  it('has each meeting at its local time and each paper deadline as an all-day event, with stable UIDs', async () => {
    const dir = await example();
    const file = join(dir, 'meetings.ics');
    expect((await run('export', 'calendar', '--data', dir, '--board', 'board:childrens-trust', '--out', file)).code).toBe(0);
    const ics = readFileSync(file, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    const meeting = events.find((e) => e.includes('UID:meeting-ct-next@quorum'))!;
    // 15:00 in December in England is 15:00 UTC, written with its Z so no reader can shift it.
    expect(meeting).toMatch(/DTSTART:20261215T150000Z\r\n/);
    expect(meeting).toMatch(/DTEND:20261215T173000Z\r\n/);
    expect(meeting).toMatch(/TRIGGER:-PT24H/);
    const due = events.find((e) => e.includes('UID:meeting-ct-next-papers@quorum'))!;
    expect(due).toMatch(/DTSTART;VALUE=DATE:20261207\r\n/);
    expect(due.replace(/\r\n[ \t]/g, '')).toContain('Papers still to come: Deep dive: neglect and the graded care profile (Amira Haddad)');
    // Only this board's meetings; lines folded at 75 octets as RFC 5545 requires.
    expect(ics).not.toContain('UID:meeting-scp-next@quorum');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('moves a meeting in calendars with a rising SEQUENCE, and calls a cancelled one off with its paper deadline and no reminder', async () => {
    const dir = await example();
    const file = join(dir, 'meetings.ics');
    const calendar = async () => {
      expect((await run('export', 'calendar', '--data', dir, '--board', 'board:childrens-trust', '--out', file)).code).toBe(0);
      const events = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent');
      const byUid = (uid: string) => events.find((v) => v.getFirstPropertyValue('uid') === uid)!;
      return { meeting: byUid('meeting-ct-next@quorum'), deadline: byUid('meeting-ct-next-papers@quorum') };
    };
    const sequence = (v: InstanceType<typeof ICAL.Component>) => Number(v.getFirstPropertyValue('sequence') ?? 0);
    const first = await calendar();
    expect(first.meeting.getAllSubcomponents('valarm')).toHaveLength(1);

    // Moved an hour later: a calendar that holds the first copy takes this one (RFC 5545 §3.8.7.4).
    const meeting = (savedStore(dir) as { records: Record<string, { date: string; venue?: string }> }).records['meeting:ct-next'];
    const moved = await run('call', 'meetings:update', '--data', dir, '--input', JSON.stringify({ meetingId: 'meeting:ct-next', date: meeting.date, startTime: '16:00', endTime: '18:00', venue: meeting.venue, status: 'planned' }));
    expect(moved.code).toBe(0);
    const second = await calendar();
    expect(sequence(second.meeting)).toBeGreaterThan(sequence(first.meeting));
    expect(sequence(second.deadline)).toBeGreaterThan(sequence(first.deadline));

    expect((await run('call', 'meetings:cancel', '--data', dir, '--input', JSON.stringify({ meetingId: 'meeting:ct-next', reason: 'Not quorate: too many apologies' }))).code).toBe(0);
    const third = await calendar();
    expect(sequence(third.meeting)).toBeGreaterThan(sequence(second.meeting));
    expect(third.meeting.getFirstPropertyValue('status')).toBe('CANCELLED');
    // No reminder the day before a meeting that will not happen.
    expect(third.meeting.getAllSubcomponents('valarm')).toHaveLength(0);
    // The deadline already in calendars is called off too, not left behind.
    expect(third.deadline.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(sequence(third.deadline)).toBeGreaterThan(sequence(second.deadline));
    expect(String(third.deadline.getFirstPropertyValue('summary'))).toMatch(/^Cancelled: Paper deadline/);
  });

  it('is read by a strict iCalendar parser at the right instant in winter and in British Summer Time', async () => {
    const dir = await example();
    const file = join(dir, 'meetings.ics');
    expect((await run('export', 'calendar', '--data', dir, '--out', file)).code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    const starts = new Map(calendar.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), new ICAL.Event(v)] as const));
    const store = savedStore(dir) as { records: Record<string, unknown> };
    for (const id of ['meeting:ct-next', 'meeting:ct-third', 'meeting:ct-held']) {
      const m = store.records[id] as { date: string; startTime: string; endTime: string };
      const event = starts.get(`${id.replace(':', '-')}@quorum`)!;
      // What a calendar anywhere shows, converted back to the clock in England, is the meeting's own time.
      expect(ukDateOf(event.startDate.toJSDate().getTime()), id).toBe(m.date);
      expect(ukTimeOf(event.startDate.toJSDate().getTime()), id).toBe(m.startTime);
      expect(ukTimeOf(event.endDate.toJSDate().getTime()), id).toBe(m.endTime);
    }
    // At least one of them falls in British Summer Time, where UTC is an hour behind the clock.
    const summer = ['meeting:ct-next', 'meeting:ct-third', 'meeting:ct-held'].map((id) => starts.get(`${id.replace(':', '-')}@quorum`)!).find((e) => e.startDate.toJSDate().getUTCHours() !== Number(ukTimeOf(e.startDate.toJSDate().getTime()).slice(0, 2)));
    expect(summer).toBeDefined();
  });
});

describe('exports through the bridge', () => {
  it('saves through the save dialog, or says so when cancelled', async () => {
    const t = tempDir();
    const session = new Session(join(t.dir, 'data'), () => {}, { clock: testClock() });
    onCleanup(() => {
      session.close();
      t.cleanup();
    });
    await loadExample(session.store);
    const cancel = { value: false };
    const call = createDispatcher(createHandlers(session, stubPlatform({ chooseSaveFile: async ({ defaultName }) => (cancel.value ? null : join(t.dir, defaultName)) })));
    const saved = await call('exports:word', { kind: 'minutes', meetingId: 'meeting:ct-held', variant: 'public' });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, file: expect.stringMatching(/2026-10-13 Children’s Trust minutes \(public\)\.docx$/) } });
    expect((await call('exports:calendar', {})) as unknown).toMatchObject({ ok: true, value: { saved: true, file: expect.stringMatching(/Board meetings\.ics$/) } });
    cancel.value = true;
    expect(await call('exports:word', { kind: 'agenda', meetingId: 'meeting:ct-next', variant: 'full' })).toMatchObject({ ok: true, value: { saved: false } });
    expect(await call('exports:word', { kind: 'letter', meetingId: 'meeting:ct-next', variant: 'full' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
