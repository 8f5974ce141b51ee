import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { stubPlatform, tempDir, testClock } from '../helpers';
import { loadExample } from '../../main/services/example';

/** The Pack screen's channels, through the same dispatcher the app's IPC uses. */
const setUp = async () => {
  const t = tempDir();
  const events: { event: string; payload: { label?: string; done?: number; total?: number } }[] = [];
  const session = new Session(join(t.dir, 'data'), (event, payload) => events.push({ event, payload: payload as never }), { clock: testClock() });
  await loadExample(session.store);
  const opened: string[] = [];
  const shown: string[] = [];
  const save = { cancel: false };
  const platform = stubPlatform({
    chooseSaveFile: async ({ defaultName }) => (save.cancel ? null : join(t.dir, defaultName)),
    openPath: async (p) => void opened.push(p),
    showInFolder: (p) => void shown.push(p),
  });
  const call = createDispatcher(createHandlers(session, platform));
  return { t, session, events, opened, shown, save, call, close: () => (session.close(), t.cleanup()) };
};

let close = () => {};
afterEach(() => close());

describe('pack channels', () => {
  it('refuses a build with pre-flight errors, then builds with a reason, reporting progress and keeping the history', async () => {
    const env = await setUp();
    close = env.close;
    const meetings = await env.call('meetings:list', {});
    expect(meetings).toMatchObject({ ok: true });
    const next = (meetings as { value: { id: string; isNext: boolean; boardId: string }[] }).value.find((m) => m.isNext && m.boardId === 'board:childrens-trust')!;
    const pre = await env.call('pack:preflight', { meetingId: next.id, variant: 'public' });
    expect(pre).toMatchObject({ ok: true, value: { errors: 2 } });
    expect(await env.call('pack:build', { meetingId: next.id, variant: 'public', taskId: 't1' })).toMatchObject({ ok: false, error: { code: 'preflight-failed' } });
    env.save.cancel = true;
    expect(await env.call('pack:build', { meetingId: next.id, variant: 'public', taskId: 't1', overrideReason: 'Papers to follow' })).toMatchObject({ ok: true, value: { saved: false } });
    env.save.cancel = false;
    const built = await env.call('pack:build', { meetingId: next.id, variant: 'public', taskId: 't2', overrideReason: 'Papers to follow' });
    expect(built).toMatchObject({ ok: true, value: { saved: true, overridden: true, errors: 2 } });
    const file = (built as { value: { file: string } }).value.file;
    expect(file).toMatch(/Children’s Trust board pack \(public\)\.docx$/);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const progress = env.events.filter((e) => e.event === 'task:progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ label: 'Saved as Word' });
    expect(progress.length).toBeGreaterThan(8);
    const history = await env.call('pack:history', { meetingId: next.id });
    const entries = (history as { value: { id: string; sha256: string }[] }).value;
    expect(entries).toHaveLength(1);
    expect(await env.call('pack:open', { packBuildId: entries[0].id })).toMatchObject({ ok: true });
    expect(await env.call('pack:showInFolder', { packBuildId: entries[0].id })).toMatchObject({ ok: true });
    expect(env.opened).toEqual([file]);
    expect(env.shown).toEqual([file]);
    expect(existsSync(file)).toBe(true);
  });

  it('fixes what pre-flight finds from the agenda: a cover sheet filled in, an exempt paper moved into Part 2', async () => {
    const env = await setUp();
    close = env.close;
    const codes = async () =>
      ((await env.call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'full' })) as { value: { problems: { code: string; fix: { id: string } }[] } }).value.problems.map((p) => `${p.code} ${p.fix.id}`);
    const agenda = (await env.call('agenda:list', { meetingId: 'meeting:ct-next' })) as { value: { id: string; rev: number; number: number; part2: unknown; paper: { coverSheet: Record<string, unknown> } | null }[] };
    expect(agenda.value.map((l) => l.number)).toEqual(agenda.value.map((_l, i) => i + 1));
    expect(agenda.value.at(-1)).toMatchObject({ id: 'agendaItem:next-10', part2: { paragraph: 3 } });
    expect(JSON.stringify(agenda.value)).not.toContain('Provider B for three years'); // no paper bodies over the bridge

    const improvement = agenda.value.find((l) => l.id === 'agendaItem:next-4')!;
    const cover = { ...improvement.paper!.coverSheet, classification: 'exempt' as const };
    expect(await env.call('paper:updateCoverSheet', { agendaItemId: improvement.id, coverSheet: cover, expectedRev: improvement.rev })).toMatchObject({ ok: true, value: { paper: { coverSheet: { classification: 'exempt' } } } });
    expect(await codes()).toContain('exempt-not-part2 agendaItem:next-4');
    // A second window still holding the old revision is refused, not silently overwritten.
    expect(await env.call('paper:updateCoverSheet', { agendaItemId: improvement.id, coverSheet: improvement.paper!.coverSheet, expectedRev: improvement.rev })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const moved = await env.call('agenda:setPartTwo', { agendaItemId: improvement.id, part2: { paragraph: 3, reason: 'Commercially sensitive' } });
    expect(moved).toMatchObject({ ok: true, value: { part2: { paragraph: 3 } } });
    expect(await codes()).not.toContain('exempt-not-part2 agendaItem:next-4');
    expect(await env.call('agenda:setPartTwo', { agendaItemId: 'agendaItem:next-1', part2: { paragraph: 1, reason: '' } })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('standing item') } });
    expect(await env.call('agenda:setPartTwo', { agendaItemId: improvement.id, part2: { paragraph: 8, reason: '' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const summary = await env.call('paper:updateCoverSheet', {
      agendaItemId: 'agendaItem:next-5',
      coverSheet: { ...agenda.value.find((l) => l.id === 'agendaItem:next-5')!.paper!.coverSheet, executiveSummary: 'Findings of the multi-agency audit of neglect cases.' },
    });
    expect(summary).toMatchObject({ ok: true });
    const journal = readFileSync(join(env.session.dataDir, 'journal.jsonl'), 'utf8');
    expect(journal).toContain('Moved “Improvement plan: progress report” into Part 2 under Schedule 12A paragraph 3');
  });

  it('rejects malformed input before touching the store', async () => {
    const env = await setUp();
    close = env.close;
    expect(await env.call('pack:build', { meetingId: 'nope', variant: 'public', taskId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await env.call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'secret' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await env.call('pack:open', { packBuildId: 'packBuild:missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('names the errors to fix when a supplement’s own paper has them, since a supplement is not built over them', async () => {
    const env = await setUp();
    close = env.close;
    const built = await env.call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', taskId: 's1', overrideReason: 'Papers to follow' });
    expect(built).toMatchObject({ ok: true, value: { saved: true } });
    await env.session.ready().run('paper:updateBody', { agendaItemId: 'agendaItem:next-5', body: 'Forty cases were audited.' });
    const refused = await env.call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', taskId: 's2', supplement: { 'agendaItem:next-5': { lateReason: 'The audit closed late' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'preflight-failed', message: expect.stringMatching(/^Pre-flight found 1 error\(s\) in item 5; fix them first: Item 5 .*no executive summary/) } });
  });
});
