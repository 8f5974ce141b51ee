import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startHost, type Host } from './host';
import { seriousViolations, screenshot } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { loadExample } from '../../main/services/example';
import { addTeamUser, initTeam } from '../../main/services/team/server';
import { findRecord, listRecords, recordsWhere } from '../../shared/data';
import { numberedAgenda } from '../../shared/rules/agenda';
import { formatUkDate } from '../../shared/rules/dates';
import { startCouchServer, type CouchServer } from '../couchServer';
import { tempDir } from '../helpers';
import { WAIT } from '../waits';

/**
 * Two officers' copies of Quorum on one team server (pouchdb-server, started here), each its own
 * app instance on its own data folder, driven in Chromium. Bob goes offline; both minute the same
 * item; when Bob is back the clash waits in Needs decision on both, and his decision reaches Ann.
 */
let browser: Browser;
let server: CouchServer;
const folders: ReturnType<typeof tempDir>[] = [];
const hosts: Host[] = [];
const ITEM = 'Update on the improvement journey';

const appFor = async (host: Host): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(host.url);
  return page;
};
const folder = () => folders[folders.push(tempDir('quorum-e2e-team-')) - 1].dir;
/** A partner reviewer joins the team from an empty folder on their own laptop, in the app, and lands on Protocols. */
const partnerJoins = async (user: string) => {
  const host = await startHost(folder());
  hosts.push(host);
  const page = await appFor(host);
  const q = quorumPage(page);
  await q.team.joinWith(server.url, 'eastmere', user, `${user}-Password-1`);
  await page.getByRole('heading', { name: 'Protocols', level: 1 }).waitFor();
  return { host, page, q };
};

beforeAll(async () => {
  browser = await launchChromium();
  server = await startCouchServer();
  const admin = { url: server.url, account: server.admin };
  await initTeam(admin, 'eastmere');
  for (const name of ['ann', 'bob']) await addTeamUser(admin, 'eastmere', { name, password: `${name}-Password-1`, roles: ['secretariat', 'part2'] });
  await addTeamUser(admin, 'eastmere', { name: 'pri', password: 'pri-Password-1', roles: ['partner'] });
}, WAIT.processes);
afterAll(async () => {
  await browser?.close();
  for (const h of hosts) await h.close();
  await server?.stop();
  for (const f of folders) f.cleanup();
});

describe('two officers on one team server', () => {
  it('shows a same-minute clash in Needs decision on both copies, and the decision reaches the other officer', async () => {
    // Arrange: Ann's partnership is on the team's server; Bob joins it from an empty folder in the app.
    const annHost = await startHost(folder());
    hosts.push(annHost);
    await loadExample(annHost.session.store);
    await annHost.session.promoteToTeam({ server: server.url, partnership: 'eastmere', user: 'ann', password: 'ann-Password-1' });
    const bobHost = await startHost(folder());
    hosts.push(bobHost);
    const bobPage = await appFor(bobHost);
    const bob = quorumPage(bobPage);
    await bob.team.joinWith(server.url, 'eastmere', 'bob', 'bob-Password-1');
    await bobPage.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    await expect.poll(() => bob.team.syncBadge.innerText()).toBe('Synced');
    const annPage = await appFor(annHost);
    const ann = quorumPage(annPage);
    await expect.poll(() => ann.team.syncBadge.innerText()).toBe('Synced');

    // Bob's laptop loses its connection.
    bobHost.session.teamStore!.stopSync();
    await expect.poll(() => bob.team.syncBadge.innerText()).toMatch(/^Offline/);

    // Act: each minutes the same item of the held meeting, in the app.
    const held = findRecord(annHost.session.store.data, 'meeting', 'meeting:ct-held')!;
    const item = Object.values(annHost.session.store.data.records).find((r) => r.type === 'agendaItem' && r.meetingId === held.id && r.title === ITEM)!;
    for (const [page, q, text] of [
      [annPage, ann, 'The board welcomed the progress and asked for a timeline.'],
      [bobPage, bob, 'The board noted the progress and asked for a timeline by March.'],
    ] as const) {
      await q.nav('Meetings').click();
      await q.meetings.meeting('Eastmere Children’s Trust Board', formatUkDate(held.date)).click();
      await q.meetings.tab('Minutes').click();
      await q.meetings.minutesOf(4).fill(text);
      await q.meetings.saveMinute(4).click();
      await page.getByText(/^Minuted /).first().waitFor();
    }
    await expect.poll(() => bob.team.syncBadge.innerText()).toMatch(/^Offline: \d+ changes? waiting/);

    // Bob is back online.
    bobHost.session.teamStore!.startSync();
    await expect.poll(() => bob.team.nav.innerText(), { timeout: WAIT.sync }).toMatch(/^Team\s*\(1\)$/);
    await bob.team.nav.click();
    await bob.team.tab('Needs decision').click();
    const clash = bob.team.decision(new RegExp(ITEM));
    await clash.waitFor();
    expect(await bob.team.version('ann').innerText()).toContain('The board welcomed the progress and asked for a timeline.');
    expect(await bob.team.version('bob').innerText()).toContain('The board noted the progress and asked for a timeline by March.');
    expect(await bob.team.wordDiff.locator('ins, del').allInnerTexts()).toEqual(expect.arrayContaining(['welcomed', 'noted']));
    expect(await seriousViolations(bobPage)).toEqual([]);
    await screenshot(bobPage, 'team-needs-decision.png');

    // Ann sees the same clash in her copy.
    await expect.poll(() => ann.team.nav.innerText(), { timeout: WAIT.sync }).toMatch(/^Team\s*\(1\)$/);

    // Bob keeps Ann's words; the decision travels to her copy.
    await bob.team.keep('ann').click();
    await bob.team.nothingToDecide.waitFor();
    await expect.poll(() => findRecord(annHost.session.store.data, 'agendaItem', item.id)?.minutes, { timeout: WAIT.sync }).toBe('The board welcomed the progress and asked for a timeline.');
    await expect.poll(() => ann.team.nav.innerText(), { timeout: WAIT.sync }).toMatch(/^Team$/);
    await ann.team.nav.click();
    await ann.team.tab('Needs decision').click();
    await ann.team.nothingToDecide.waitFor();
    expect(findRecord(bobHost.session.store.data, 'agendaItem', item.id)?.minutes).toBe('The board welcomed the progress and asked for a timeline.');
  }, WAIT.processes);

  it('lets a partner reviewer sign in to the protocols sent to them alone, and comment on a section for the secretariat', async () => {
    // Arrange: the team from the story above is on the server (Ann's copy); the partner joins from an empty folder.
    const annHost = hosts[0];
    const { host: priHost, page: priPage } = await partnerJoins('pri');
    expect(await priPage.getByRole('navigation', { name: 'Quorum areas' }).getByRole('button').or(priPage.getByRole('navigation', { name: 'Quorum areas' }).getByRole('link')).allInnerTexts()).toEqual(['Protocols', 'Written resolutions', 'Papers to clear', 'Team']);
    expect(await priPage.getByRole('button', { name: 'New protocol…' }).count()).toBe(0);
    expect(Object.values(priHost.session.store.data.records).some((r) => r.type === 'meeting' || r.type === 'person')).toBe(false);

    // Act: a comment on section 1, from the section itself.
    await priPage.getByRole('button', { name: 'Comment on section 1' }).click();
    const dialog = priPage.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^From \(name\)/ }).or(dialog.getByRole('textbox', { name: /^From \(name\)/ })).fill('Priya Shah');
    await dialog.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: 'Northshire Integrated Care Board' });
    await dialog.getByRole('textbox', { name: /^Comment/ }).fill('Please name the designated nurse in section 1.');
    await dialog.getByRole('button', { name: 'Add comment' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await seriousViolations(priPage)).toEqual([]);
    await screenshot(priPage, 'team-partner.png');

    // Assert: it reaches the secretariat's copy, and the partner sees no control to answer it.
    await expect
      .poll(() => Object.values(annHost.session.store.data.records).some((r) => r.type === 'protocolComment' && r.text === 'Please name the designated nurse in section 1.'), { timeout: WAIT.sync })
      .toBe(true);
    await priPage.getByRole('tab', { name: /^Comments/ }).click();
    expect(await priPage.getByRole('button', { name: 'Accept' }).count()).toBe(0);
  }, WAIT.processes);

  it('sends a written resolution to the partner who votes on it, who answers for themselves in the app', async () => {
    // Arrange: the Safeguarding Partnership's ToR allows written resolutions; Ann sends one to its voting partners; Priya's sign-in is linked to her in the directory.
    const annHost = hosts[0];
    const ann = annHost.session.store;
    const tor = findRecord(ann.data, 'tor', 'tor:safeguarding-v1')!;
    const { id: _id, type: _type, schemaVersion: _v, rev: _rev, updatedAt: _at, updatedBy: _by, boardId, version: _version, status: _status, approval: _approval, ...fields } = tor;
    await ann.run('tor:saveDraft', { boardId, ...fields, writtenResolutions: true });
    const draft = Object.values(ann.data.records).find((r) => r.type === 'tor' && r.boardId === boardId && r.status === 'draft')!;
    await ann.run('tor:approve', { torId: draft.id, date: '2026-11-20', minuteRef: 'SCP/9' });
    await ann.run('decisions:propose', { boardId, title: 'Adopt the neglect strategy', text: 'The partners adopt the neglect strategy 2027–2030.', voterPersonIds: ['person:sarah-whitcombe', 'person:mark-ellery', 'person:priya-nair'], opensOn: '2026-11-23', closesOn: '2026-11-27' });
    await addTeamUser({ url: server.url, account: server.admin }, 'eastmere', { name: 'priya', password: 'priya-Password-1', roles: ['partner'], personId: 'person:priya-nair' });
    const { page: priPage, q: pri } = await partnerJoins('priya');

    // Act: her resolutions, and her own reply.
    await pri.nav('Written resolutions').click();
    const card = priPage.getByRole('group', { name: 'Your reply to Adopt the neglect strategy' });
    await expect.poll(() => card.count(), { timeout: WAIT.sync }).toBe(1);
    expect(await priPage.getByText('Eastmere Safeguarding Children Partnership: replies from 23 November 2026 to 27 November 2026').count()).toBe(1);
    await card.getByRole('textbox', { name: 'Comment (optional)' }).fill('Agreed, with the audit in the spring.');
    expect(await seriousViolations(priPage)).toEqual([]);
    await card.getByRole('button', { name: 'For', exact: true }).click();
    await priPage.getByText('Your reply on 23 November 2026: for.').waitFor();

    // Assert: the secretariat has her reply, in her name, as her own.
    await expect
      .poll(() => Object.values(annHost.session.store.data.records).find((r) => r.type === 'decisionReply'), { timeout: WAIT.sync })
      .toMatchObject({ personId: 'person:priya-nair', vote: 'for', via: 'own', comment: 'Agreed, with the audit in the spring.' });
  }, WAIT.processes);

  it('sends a paper to its named clearer, a partner, who reads it and clears it in their own name in the app', async () => {
    // Arrange: the Children's Trust asks the ICB's lead officer (Priya, a partner reviewer) to clear its decision papers.
    const annHost = hosts[0];
    const ann = annHost.session.store;
    const board = findRecord(ann.data, 'board', 'board:childrens-trust')!;
    await ann.run('boards:setClearances', { boardId: board.id, rules: [{ key: 'icb', label: 'ICB lead officer', paperKinds: ['decision'], personId: 'person:priya-nair' }], expectedRev: board.rev });
    const items = numberedAgenda(recordsWhere(ann.data, 'agendaItem', 'meetingId', 'meeting:ct-next'));
    const paper = items.find(({ item }) => item.purpose === 'decision' && item.paper?.status === 'received' && !item.part2)!;
    await addTeamUser({ url: server.url, account: server.admin }, 'eastmere', { name: 'priyan', password: 'priyan-Password-1', roles: ['partner'], personId: 'person:priya-nair' });

    // Act: Ann sends it to Priya from the pack screen's clearance dialog.
    const annPage = await appFor(annHost);
    const q = quorumPage(annPage);
    await q.nav('Board pack').click();
    await expect.poll(() => q.clearance.badges(paper.number).innerText()).toBe('ICB lead officer: missing');
    await q.clearance.button(paper.number).click();
    await q.clearance.sendTo('Dr Priya Nair').click();
    await q.clearance.dialog.getByText(/sent this text on 23 November 2026; waiting for them/).waitFor();
    expect(await seriousViolations(annPage)).toEqual([]);
    await q.clearance.dialog.getByRole('button', { name: 'Cancel' }).click();

    // Priya signs in on her own laptop: the paper is on her screen, and she clears it.
    const { page: priPage, q: pri } = await partnerJoins('priyan');
    await pri.nav('Papers to clear').click();
    await expect.poll(() => pri.clearance.toClear.paper(paper.item.title).count(), { timeout: WAIT.sync }).toBe(1);
    expect(await pri.clearance.toClear.paper(paper.item.title).innerText()).toContain(paper.item.paper!.coverSheet.executiveSummary.slice(0, 40));
    await pri.clearance.toClear.comment(paper.item.title).fill('The ICB agrees the funding split.');
    expect(await seriousViolations(priPage)).toEqual([]);
    await screenshot(priPage, 'papers-to-clear.png');
    await pri.clearance.toClear.give(paper.item.title, 'ICB lead officer').click();
    await priPage.getByText(/^You cleared it on 23 November 2026: “The ICB agrees the funding split.”/).waitFor();

    // Assert: the secretariat's pack screen shows it cleared, in Priya's name, as her own.
    await expect.poll(() => q.clearance.badges(paper.number).innerText(), { timeout: WAIT.sync }).toBe('ICB lead officer: cleared');
    expect(listRecords(annHost.session.store.data, 'clearance')).toEqual([expect.objectContaining({ agendaItemId: paper.item.id, clearedBy: 'Dr Priya Nair', via: 'own', comment: 'The ICB agrees the funding split.' })]);
  }, WAIT.processes);

  it('never gives an officer not cleared for Part 2 a Part 2 result, snippet or count in search, while a cleared officer finds it', async () => {
    // Arrange: a word planted in the Part 2 paper's text on Ann's copy (she is cleared); Cath, an officer not cleared, joins.
    const annHost = hosts[0];
    const ann = annHost.session.store;
    const TOKEN = 'Zephyrine4471';
    const exempt = listRecords(ann.data, 'agendaItem').find((i) => i.part2 && i.paper?.status === 'received')!;
    await ann.run('paper:updateBody', { agendaItemId: exempt.id, body: `${exempt.paper!.body}\n\nThe preferred bidder is ${TOKEN} Care Ltd.` });
    await addTeamUser({ url: server.url, account: server.admin }, 'eastmere', { name: 'cath', password: 'cath-Password-1', roles: ['secretariat'] });
    const cathHost = await startHost(folder());
    hosts.push(cathHost);
    const cathPage = await appFor(cathHost);
    const cath = quorumPage(cathPage);
    await cath.team.joinWith(server.url, 'eastmere', 'cath', 'cath-Password-1');
    await cathPage.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
    await expect.poll(() => cath.team.syncBadge.innerText(), { timeout: WAIT.sync }).toBe('Synced');

    // Act and assert: Ann finds the word; Cath gets nothing, not even a count.
    const annPage = await appFor(annHost);
    const annQ = quorumPage(annPage);
    await annQ.search.open.click();
    await annQ.search.box.fill(TOKEN);
    await expect.poll(() => annQ.search.status.innerText()).toBe(`1 result for “${TOKEN}”.`);
    await cath.search.open.click();
    await cath.search.box.fill(TOKEN);
    await expect.poll(() => cath.search.status.innerText()).toBe(`Nothing found for “${TOKEN}”.`);
    expect(await cath.search.kind.locator('option').allInnerTexts()).not.toContainEqual(expect.stringMatching(/\(\d+\)/));
    // The item itself is found by its title, with none of its exempt words.
    await cath.search.box.fill('placements');
    await expect.poll(() => cath.search.status.innerText()).toMatch(/^\d+ results? for “placements”/);
    expect(await cathPage.getByRole('region', { name: 'Search results' }).innerText()).not.toContain(TOKEN);
    expect(await cathPage.getByRole('region', { name: 'Search results' }).getByText('Part 2', { exact: true }).count()).toBe(0);
  }, WAIT.processes);
});

