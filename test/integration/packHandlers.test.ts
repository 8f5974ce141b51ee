import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { stubPlatform, tempDir } from '../helpers';

/** The Pack screen's channels, through the same dispatcher the app's IPC uses. */
const setUp = async () => {
  const t = tempDir();
  const events: { event: string; payload: { label?: string; done?: number; total?: number } }[] = [];
  const session = new Session(join(t.dir, 'data'), (event, payload) => events.push({ event, payload: payload as never }));
  await session.store.run('example.load', {});
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

  it('rejects malformed input before touching the store', async () => {
    const env = await setUp();
    close = env.close;
    expect(await env.call('pack:build', { meetingId: 'nope', variant: 'public', taskId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await env.call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'secret' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await env.call('pack:open', { packBuildId: 'packBuild:missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
