import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { clockOnDay, type Clock } from '../../shared/clock';
import { listRecords, recordsWhere, type StoreData } from '../../shared/data';
import { firstTorFields } from '../../shared/rules/torDraft';
import { readPackage } from '../docxPackage';
import type { Host } from './host';

/** The story's own calendar: it starts on Monday 16 December 2024 and moves on as the days of the case pass. */
const day = { today: '2024-12-16' };
const movingClock = (): Clock => ({ now: () => clockOnDay(day.today).now(), today: () => day.today });
const e2e = useE2E({ clock: () => ((day.today = '2024-12-16'), movingClock()) });

/**
 * What the secretariat had set up from empty before the incident (through the operations the app's
 * own screens call): two partners' boards, their people, terms of reference approved, the next
 * meetings planned and their agendas drafted.
 */
const arrange = async (host: Host) => {
  const run = (name: string, input: unknown) => host.session.store.run(name as never, input as never);
  const data = (): StoreData => host.session.store.data;
  for (const [name, kind] of [['Harrowfield Council', 'council'], ['Harrowfield Police', 'police'], ['Harrowfield ICB', 'health']] as const) await run('organisations:add', { name, kind });
  const org = (name: string) => listRecords(data(), 'organisation').find((o) => o.name === name)!.id;
  for (const [name, o] of [['Dana Whitlock', 'Harrowfield Council'], ['Omar Pryce', 'Harrowfield Police'], ['Ines Carbery', 'Harrowfield ICB'], ['Rhona Tull', 'Harrowfield Council'], ['Theo Marsh', 'Harrowfield Council']] as const)
    await run('people:add', { name, jobTitle: '', organisationId: org(o), email: '', phone: '' });
  const person = (name: string) => listRecords(data(), 'person').find((p) => p.name === name)!;
  await run('boards:add', { name: 'Harrowfield Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference' });
  await run('boards:add', { name: 'Harrowfield Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee' });
  const board = (short: string) => listRecords(data(), 'board').find((b) => b.shortName === short)!.id;
  const seat = (key: string, name: string) => ({ key, role: key, organisationId: person(name).organisationId, personId: person(name).id, deputyAllowed: true, voting: true });
  await run('tor:saveDraft', { boardId: board('Safeguarding Partnership'), ...firstTorFields(day.today), members: [seat('la', 'Dana Whitlock'), seat('police', 'Omar Pryce'), seat('icb', 'Ines Carbery')], chairMemberKey: 'la', quorum: { requireChairOrVice: false, minMembers: 2, minAgencies: 2, text: '' }, writtenResolutions: true });
  await run('tor:saveDraft', { boardId: board('Health and Wellbeing Board'), ...firstTorFields(day.today), members: [seat('chair', 'Rhona Tull'), seat('dph', 'Theo Marsh')], chairMemberKey: 'chair' });
  for (const t of listRecords(data(), 'tor')) await run('tor:approve', { torId: t.id, date: '2024-11-01', minuteRef: '' });
  await run('meetings:create', { boardId: board('Safeguarding Partnership'), date: '2025-02-04', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre' });
  await run('meetings:create', { boardId: board('Health and Wellbeing Board'), date: '2025-01-14', startTime: '14:00', endTime: '16:00', venue: 'Civic Centre' });
  for (const m of listRecords(data(), 'meeting')) await run('agenda:draft', { meetingId: m.id });
};

/** Days pass: the window opens again on the new day, at the Statutory clocks. */
const moveTo = async (page: import('playwright-core').Page, date: string) => {
  day.today = date;
  await page.reload();
  const q = quorumPage(page);
  await q.nav('Statutory clocks').click();
  await q.clocks.heading.waitFor();
};

describe('statutory clocks: a serious incident between meetings', () => {
  it('opens a case, sees the rapid review fall between meetings, decides by written resolution as the ToR allows, and finds the ratification item in the next pack', async () => {
    const { page, host, dataDir } = e2e;
    const q = quorumPage(page);
    await q.firstRun.partnershipName.fill('Harrowfield Partnership');
    await q.firstRun.startEmpty.click();
    await page.getByRole('region', { name: 'Set up your partnership' }).waitFor();
    await arrange(host);
    await page.reload();

    // Both boards' clocks on the dashboard: the council committee's papers deadline, counted in clear working days.
    await expect.poll(() => q.dashboard.clocks.innerText()).toMatch(/Harrowfield Health and Wellbeing Board: Agenda and papers published for 14 January 2025: due by Monday 6 January 2025/);
    expect(await page.getByText(/duties wait for the date it was last done/).innerText()).toMatch(/^\d+ duties wait/);

    // The forward plan shows them too, with the source.
    await q.nav('Forward plan').click();
    const planClocks = page.getByRole('table', { name: 'Statutory deadlines' });
    await expect.poll(() => planClocks.innerText()).toMatch(/Agenda and papers published[\s\S]*Local Government Act 1972 s\.100B\(3\)/);

    // A serious incident, known of on Friday 13 December: the case has a reference, never a name.
    await q.nav('Statutory clocks').click();
    await q.clocks.heading.waitFor();
    await q.clocks.openCase.click();
    await q.clocks.caseDialog.dialog.getByText('Never write a child’s name here.', { exact: false }).waitFor();
    await q.clocks.caseDialog.startsOn.fill('2024-12-13');
    expect(await seriousViolations(page)).toEqual([]);
    await q.clocks.caseDialog.open.click();
    await q.clocks.status.getByText(/Opened Serious incident notification SIN-2024-01/).waitFor();
    await expect.poll(() => q.clocks.row(/SIN-2024-01: Serious incident notified/).innerText()).toMatch(/20 December 2024[\s\S]*Children Act 2004 s\.16C\(1\)/);

    // Notified on Friday 20 December: the rapid review is due on Wednesday 15 January 2025, before the next meeting.
    await moveTo(page, '2024-12-20');
    await q.clocks.recordDone('Serious incident notified').click();
    await q.clocks.doneDialog.save.click();
    const rapid = q.clocks.row(/SIN-2024-01: Rapid review/);
    await expect.poll(() => rapid.innerText()).toMatch(/15 January 2025[\s\S]*Working Together to Safeguard Children 2023, chapter 5[\s\S]*No meeting of the board falls before 15 January 2025\. The terms of reference allow written resolutions/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statutory-clocks.png');

    // The lawful route this board has: a written resolution to its voting members, replies by Friday 10 January.
    await moveTo(page, '2025-01-06');
    await q.clocks.decide('Rapid review').click();
    await q.clocks.decisionDialog.dialog.getByText(/The terms of reference allow written resolutions/).waitFor();
    await q.clocks.decisionDialog.text.fill('The partners agree the rapid review of SIN-2024-01 and commission a local child safeguarding practice review.');
    await q.clocks.decisionDialog.closesOn.fill('2025-01-10');
    expect(await seriousViolations(page)).toEqual([]);
    await q.clocks.decisionDialog.send.click();
    await q.clocks.status.getByText(/Sent the written resolution .* to 3 voting members: replies by 10 January 2025/).waitFor();
    const title = 'Rapid review SIN-2024-01: decision on a local child safeguarding practice review';

    // Two replies by e-mail, typed in as they arrive.
    await moveTo(page, '2025-01-08');
    for (const who of ['Dana Whitlock', 'Omar Pryce']) {
      await q.clocks.recordReply(title).click();
      await q.clocks.replyDialog.from.selectOption({ label: who });
      await q.clocks.replyDialog.save.click();
      await q.clocks.status.getByText(new RegExp(`${who} replied for`)).waitFor();
    }

    // The window closed: the outcome is fixed under the ToR's quorum, and reported to the next meeting.
    await moveTo(page, '2025-01-13');
    await q.clocks.fixOutcome(title).click();
    await q.clocks.status.getByText(/Carried: 2 for, 0 against, 0 abstaining; 2 of 3 voting members replied\..*reported to the meeting of 4 February 2025/).waitFor();
    await expect.poll(() => q.clocks.decisions.innerText()).toMatch(/The meeting of 4 February 2025/);
    // The rapid review is met on the day the window closed.
    expect(await q.clocks.row(/SIN-2024-01: Rapid review/).count()).toBe(0);
    const c = listRecords(host.session.store.data, 'case')[0];
    expect(c.steps).toContainEqual({ key: 'sin.rapid-review', on: '2025-01-10' });

    // The next pack carries "Decisions taken since the last meeting", with the decision and how it was taken.
    await q.nav('Board pack').click();
    const feb = listRecords(host.session.store.data, 'meeting').find((m) => m.date === '2025-02-04')!;
    await q.pack.meeting.selectOption(feb.id);
    const n = recordsWhere(host.session.store.data, 'agendaItem', 'meetingId', feb.id).filter((i) => !i.part2).sort((a, b) => a.order.localeCompare(b.order)).findIndex((i) => i.decisionsReport === 'public') + 1;
    await expect.poll(() => q.pack.row(n).innerText()).toMatch(/Decisions taken since the last meeting/);
    await q.pack.buildGivingReason('Deep-dive papers to follow');
    const [build] = listRecords(host.session.store.data, 'packBuild');
    const text = readPackage(readFileSync(join(dataDir, build.fileName))).text;
    expect(text).toContain('Decisions taken since the last meeting');
    expect(text).toContain('commission a local child safeguarding practice review');
    expect(text).toMatch(/Written resolution sent to 3 voting members, replies between 6 January 2025 and 10 January 2025\. Carried: 2 for, 0 against/);
  });
});
