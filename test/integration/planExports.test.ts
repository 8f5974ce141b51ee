import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { QuorumStore } from '../../main/services/store/store';
import { listRecords } from '../../shared/data';
import { formatUkDate } from '../../shared/rules/dates';
import { readPackage, xmlProblems } from '../docxPackage';
import { runCli, useExampleFolders, testClock } from '../helpers';

const { example } = useExampleFolders();
const textOf = async (file: string) => (await mammoth.extractRawText({ buffer: readFileSync(file) })).value.replace(/\s+/g, ' ');

describe('the plan in Word', () => {
  it('writes the deep-dive schedule with every scheduled deep dive, by board and meeting, and the themes not yet placed', async () => {
    const dir = await example();
    const file = join(dir, 'deep-dives.docx');
    const r = await runCli('export', 'deep-dives', '--data', dir, '--out', file);
    expect(r.code, r.err).toBe(0);
    const text = await textOf(file);
    const store = QuorumStore.open(dir, { user: 't', device: 't', mode: 'read', clock: testClock() });
    const dives = listRecords(store.data, 'deepDive');
    const meetings = listRecords(store.data, 'meeting');
    store.close();
    for (const d of dives.filter((x) => x.meetingId)) {
      expect(text).toContain(d.theme);
      expect(text).toContain(formatUkDate(meetings.find((m) => m.id === d.meetingId)!.date));
    }
    expect(text).toContain('Not yet scheduled: Children missing education.');
    const pkg = readPackage(readFileSync(file));
    expect(xmlProblems(pkg)).toEqual([]);
    expect(pkg.document).toMatch(/w:orient="landscape"/);
  });

  it('writes the forward plan with every item, its meeting, author, paper deadline and status, and limits it to one board when asked', async () => {
    const dir = await example();
    const file = join(dir, 'forward-plan.docx');
    expect((await runCli('export', 'forward-plan', '--data', dir, '--out', file)).code).toBe(0);
    const text = await textOf(file);
    const store = QuorumStore.open(dir, { user: 't', device: 't', mode: 'read', clock: testClock() });
    const items = listRecords(store.data, 'forwardPlanItem');
    store.close();
    for (const f of items) expect(text).toContain(f.title);
    expect(text).toContain('15 December 2026 Children and Young People’s Plan: annual refresh decision Dr Leah Donnelly 7 December 2026 Paper requested');
    expect(text).toContain('Not yet placed Emotional health and wellbeing: waiting times (Raised by Healthwatch) information Beth Arnold');
    const one = join(dir, 'hwb.docx');
    expect((await runCli('export', 'forward-plan', '--data', dir, '--board', 'board:hwb', '--out', one)).code).toBe(0);
    const hwb = await textOf(one);
    expect(hwb).toContain('Better Care Fund plan');
    expect(hwb).not.toContain('Annual safeguarding report');
    expect((await runCli('export', 'forward-plan', '--data', dir, '--board', 'board:none', '--out', one)).code).toBe(1);
  });
});
