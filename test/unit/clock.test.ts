import { describe, expect, it } from 'vitest';
import { clockFromSetting, clockOnDay, fixedClock, isIsoDate, systemClock, ukDateOf, ukInstantOf, ukTimeOf } from '../../shared/clock';
import { applyCommand } from '../../shared/operations/apply';
import type { CommandContext } from '../../shared/kernel/operation';
import { findRecord } from '../../shared/data';
import { paperState } from '../../shared/rules/papers';
import { formatUkDateTime } from '../../shared/rules/dates';
import { exampleData } from '../docxPackage';
import { runCli, useExampleFolders } from '../helpers';

/** 00:30 British Summer Time on 11 June 2027 is still 10 June in UTC. */
const SMALL_HOURS_BST = '2027-06-10T23:30:00.000Z';

const contextAt = (instant: string): CommandContext => {
  let n = 0;
  return { ...fixedClock(instant), user: 'joan', newId: (type) => `${type}:bst${++n}` as never };
};

describe('today in England', () => {
  it('is the date on the wall clock in England, BST or GMT', () => {
    expect(ukDateOf(SMALL_HOURS_BST)).toBe('2027-06-11');
    expect(ukTimeOf(SMALL_HOURS_BST)).toBe('00:30');
    expect(ukDateOf('2027-01-10T23:30:00Z')).toBe('2027-01-10'); // GMT: the same as UTC
    // The nights the clocks change (last Sundays of March and October 2027).
    expect(ukTimeOf('2027-03-28T00:59:00Z')).toBe('00:59');
    expect(ukTimeOf('2027-03-28T01:00:00Z')).toBe('02:00');
    expect(ukDateOf('2027-10-30T23:30:00Z')).toBe('2027-10-31');
    expect(ukDateOf('2027-10-31T23:30:00Z')).toBe('2027-10-31');
    expect(formatUkDateTime(SMALL_HOURS_BST)).toBe('11 June 2027, 00:30');
  });

  it('reads England’s clocks as the time-zone database does, every night the clocks change from 1996 to 2099', () => {
    const database = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const fromDatabase = (ms: number) => {
      const p = Object.fromEntries(database.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    const differ: string[] = [];
    let compared = 0;
    for (let year = 1996; year <= 2099; year++)
      for (const month of [2, 9]) {
        // On the hour and a minute before it, over the last seven days of March and of October and a day each side.
        const from = Date.UTC(year, month, 24);
        for (let ms = from; ms < from + 9 * 86_400_000; ms += (ms % 3_600_000 === 0 ? 59 : 1) * 60_000, compared++)
          if (`${ukDateOf(ms)} ${ukTimeOf(ms)}` !== fromDatabase(ms)) differ.push(new Date(ms).toISOString());
      }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(89_000);
    // Before 1996 summer time ended on other Sundays: 1995's on 22 October, which the database knows.
    expect(ukTimeOf('1995-10-28T12:00:00Z')).toBe('12:00');
    expect(ukTimeOf('1995-10-21T12:00:00Z')).toBe('13:00');
  });

  it('pins a date for a run, with time still moving on it, and refuses a date that does not exist', () => {
    const clock = clockOnDay('2027-06-11');
    expect(clock.today()).toBe('2027-06-11');
    expect(ukDateOf(clock.now())).toBe('2027-06-11');
    expect(clockFromSetting(undefined)).toBe(systemClock);
    expect(clockFromSetting(' 2030-01-02 ').today()).toBe('2030-01-02');
    for (const bad of ['2027-02-30', '11/06/2027', '2027-6-1', 'tomorrow']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => clockOnDay(bad)).toThrow(/not a date: write it as YYYY-MM-DD/);
    }
    expect(() => fixedClock('not a time')).toThrow(RangeError);
  });

  it('keeps England’s time of day on the pinned day, across a change of the clocks either way', () => {
    // 23:05 GMT on 30 November, pinned to a June day: 23:05 BST on that day, not 00:05 the day after.
    const summer = clockOnDay('2027-06-11', fixedClock('2026-11-30T23:05:00Z'));
    expect(ukDateOf(summer.now())).toBe('2027-06-11');
    expect(ukTimeOf(summer.now())).toBe('23:05');
    // 00:30 BST on 11 June, pinned to a December day: 00:30 GMT on that day, not 23:30 the day before.
    const winter = clockOnDay('2026-12-01', fixedClock('2027-06-10T23:30:00Z'));
    expect(winter.now()).toBe('2026-12-01T00:30:00.000Z');
    expect(ukDateOf(winter.now())).toBe('2026-12-01');
  });
});

describe('the BST boundary in the records', () => {
  it('closes an action at 00:30 on 11 June on 11 June, not the day before', () => {
    const data = exampleData();
    const action = findRecord(data, 'action', 'action:re-referrals')!;
    const { data: after } = applyCommand(
      data,
      'actions:update',
      { actionId: action.id, text: action.text, ownerPersonId: action.ownerPersonId, dueDate: action.dueDate, status: 'done', expectedRev: action.rev },
      contextAt(SMALL_HOURS_BST),
    );
    expect(findRecord(after, 'action', action.id)!.closedOn).toBe('2027-06-11');
    const { data: viaUpdate } = applyCommand(data, 'actions:addUpdate', { actionId: action.id, text: 'Reported to the board', status: 'done' }, contextAt(SMALL_HOURS_BST));
    expect(findRecord(viaUpdate, 'action', action.id)!.closedOn).toBe('2027-06-11');
  });

  it('counts a paper received at 00:30 on 11 June as on time for an 11 June deadline', () => {
    const data = exampleData();
    const item = Object.values(data.records).find((r) => r.type === 'agendaItem' && r.paper?.status === 'requested');
    if (!item || item.type !== 'agendaItem') throw new Error('the example has no requested paper');
    const { data: after } = applyCommand(data, 'paper:updateBody', { agendaItemId: item.id, body: 'The report.', expectedRev: item.rev }, contextAt(SMALL_HOURS_BST));
    const paper = findRecord(after, 'agendaItem', item.id)!.paper;
    expect(paper?.receivedOn).toBe('2027-06-11');
    expect(paperState(paper, '2027-06-11', '2027-06-11')).toBe('received');
    expect(paperState(paper, '2027-06-10', '2027-06-11')).toBe('received-late');
  });
});

describe('quorum --today', () => {
  const folders = useExampleFolders();

  it('dates the example and every export from the day given, for every verb', async () => {
    const dir = folders.temp();
    expect((await runCli('example', '--data', dir, '--today', '2031-03-03')).code).toBe(0);
    const check = JSON.parse((await runCli('check', '--data', dir, '--json', '--today', '2031-03-03')).out);
    expect(check).toMatchObject({ ok: true });
    const file = `${folders.temp()}/plan.docx`;
    const r = await runCli('export', 'forward-plan', '--data', dir, '--out', file, '--today', '2031-03-03', '--json');
    expect(r.code, r.err).toBe(0);
    const { readPackage } = await import('../docxPackage');
    const { readFileSync } = await import('node:fs');
    expect(readPackage(readFileSync(file)).text).toContain('As at 3 March 2031.');
    // The pack for "next" is the meeting next after the day given, not after the machine's today.
    const pack = await runCli('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', `${folders.temp()}/p.docx`, '--override-reason', 'test', '--json', '--today', '2031-03-03');
    expect(pack.code, pack.err).toBe(0);
    expect(JSON.parse(pack.out).meetingId).toBe('meeting:ct-next');
  });

  it('refuses a date that does not exist, from the option or from QUORUM_TODAY', async () => {
    const dir = await folders.example();
    expect(await runCli('check', '--data', dir, '--today', '2027-02-30')).toMatchObject({ code: 2, err: expect.stringMatching(/--today: "2027-02-30" is not a date/) });
    const { main } = await import('../../main/cli/quorum');
    const err: string[] = [];
    const code = await main(['check', '--data', dir], { log: () => {}, error: (s) => err.push(s) }, { QUORUM_TODAY: 'next week' });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/QUORUM_TODAY: "next week" is not a date/);
    expect((await runCli('check', '--help')).out).toMatch(/--today/);
  });
});

describe('a time on the clock in England as an instant', () => {
  it('knows GMT from BST, including the hour the clocks go back and the hour that never happens', () => {
    expect(ukInstantOf('2026-12-15', '15:00')).toBe('2026-12-15T15:00:00.000Z');
    expect(ukInstantOf('2027-06-10', '15:00')).toBe('2027-06-10T14:00:00.000Z');
    expect(ukInstantOf('2027-06-11', '00:30')).toBe('2027-06-10T23:30:00.000Z');
    // 25 October 2026: 01:30 happens twice; the first is still BST.
    expect(ukInstantOf('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    // 28 March 2027: clocks go from 01:00 to 02:00, so 01:30 reads as 02:30 BST, 01:30 UTC.
    expect(ukInstantOf('2027-03-28', '01:30')).toBe('2027-03-28T01:30:00.000Z');
    for (const [date, time] of [['2027-01-05', '09:15'], ['2027-07-20', '18:45']]) {
      expect(ukDateOf(ukInstantOf(date, time))).toBe(date);
      expect(ukTimeOf(ukInstantOf(date, time))).toBe(time);
    }
  });
});
