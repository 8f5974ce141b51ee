import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackOffThread, startPackBuilder, type PackJob } from '../../main/services/packThread';
import { buildPackFile } from '../../main/services/packs';
import { QuorumStore } from '../../main/services/store/store';
import { Lexer } from 'marked';
import { join } from 'node:path';
import { testClock, useExampleFolders } from '../helpers';
import type { StoreData } from '../../shared/data';
import { assemblePack, type PackModel } from '../../shared/pack/model';
import { exampleData, readPackage } from '../docxPackage';
import { readFileSync } from 'node:fs';
import { Session } from '../../main/services/session';
import { createHandlers } from '../../main/services/handlers';
import { createDispatcher } from '../../main/services/dispatch';
import { stubPlatform } from '../helpers';
import { WAIT } from '../waits';

/** The bundled worker, as the app and the CLI load it (`npm test` builds before it runs vitest). */
const WORKER = resolve(import.meta.dirname, '../../out/main/packWorker.js');

/** The example with a long paper: a 3,000-row performance table, as an annual report might carry. */
const heavyData = (): StoreData => {
  const data = exampleData();
  const rows = Array.from({ length: 3000 }, (_v, i) => `| School ${i + 1} | ${(i * 7) % 100}% | ${(i * 13) % 50} |`).join('\n');
  const item = data.records['agendaItem:next-4'] as unknown as { paper: { body: string } };
  item.paper.body = `## Attendance by school\n\n| School | Attendance | Exclusions |\n|---|--:|--:|\n${rows}\n`;
  return data;
};

/** Runs `work` while a 10 ms timer ticks on this thread; returns the longest gap between ticks. */
const longestStall = async (work: () => Promise<unknown>) => {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(worst, performance.now() - last);
};

describe('building on a worker thread', () => {
  const folders = useExampleFolders();
  it('needs the built worker', () => {
    expect(existsSync(WORKER), `${WORKER} is missing: run npm run build`).toBe(true);
  });

  it('builds the same pack off the main thread, relays progress in order, and leaves the main thread free', async () => {
    const data = heavyData();
    const model = assemblePack(data, 'meeting:ct-next', 'public', '2026-11-23');
    const input = { builtAt: '2026-11-23T10:00:00.000Z', images: {} };
    const labels: string[] = [];
    let bytes: Uint8Array = new Uint8Array();
    const offThread = await longestStall(async () => {
      bytes = await buildPackOffThread({ model, input }, (done, total, label) => labels.push(`${done}/${total} ${label}`), WORKER);
    });
    const inThread = await longestStall(() => buildPackOffThread({ model, input }, () => {}, null));

    expect(readPackage(bytes).text).toContain('School 3000');
    expect(labels[0]).toMatch(/^1\/\d+ Cover$/);
    expect(labels.at(-1)).toMatch(/^(\d+)\/\1 Saved as Word$/);
    // The in-thread build stalls this thread for the whole zip; the worker leaves only the hand-over.
    expect(inThread).toBeGreaterThan(150);
    expect(offThread).toBeLessThan(Math.max(100, inThread / 3));
  });

  it('can be started ahead of its pack, and stopped unused when the pre-flight refuses', async () => {
    const model = assemblePack(exampleData(), 'meeting:ct-next', 'public', '2026-11-23');
    const input = { builtAt: '2026-11-23T10:00:00.000Z', images: {} };
    const ahead = startPackBuilder(WORKER);
    await new Promise((r) => setTimeout(r, 50)); // the thread loads meanwhile
    expect(readPackage(await ahead.build({ model, input })).text).toContain('Improvement plan');
    const refused = startPackBuilder(WORKER);
    refused.stop();
    await expect(refused.build({ model, input })).rejects.toThrow(/stopped before it was given a pack/);
  });

  it('passes a failure of the builder back as an error, instead of waiting for ever', async () => {
    const broken = { ...assemblePack(exampleData(), 'meeting:ct-next', 'public', '2026-11-23'), agenda: null } as unknown as PackModel;
    await expect(buildPackOffThread({ model: broken, input: { builtAt: '2026-11-23T10:00:00.000Z', images: {} } }, () => {}, WORKER)).rejects.toMatchObject({ code: 'internal' });
  });

  it('uses the tokens it is sent with the pack instead of reading the Markdown again', async () => {
    const model = assemblePack(exampleData(), 'meeting:ct-next', 'public', '2026-11-23');
    const paper = model.papers.find((p) => p.state === 'received')!;
    // Tokens that do not match the text: only a worker that uses what it is sent prints them.
    const sent = new Lexer({ gfm: true }).lex('Read once, on the calling thread.');
    const bytes = await buildPackOffThread({ model, input: { builtAt: '2026-11-23T10:00:00.000Z', images: {} }, tokens: [[paper.body, sent]] }, () => {}, WORKER);
    expect(readPackage(bytes).text).toContain('Read once, on the calling thread.');
  });

  it('is sent the pre-flight’s tokens by buildPackFile', async () => {
    const dir = await folders.example();
    const store = QuorumStore.open(dir, { user: 'test', device: 'test', clock: testClock() });
    let job: PackJob | undefined;
    const builder = { thread: 'worker' as const, build: async (j: PackJob) => ((job = j), new Uint8Array([80, 75])), stop: () => {} };
    try {
      await buildPackFile(store, { meetingId: 'meeting:ct-next', variant: 'public', out: join(dir, 'p.docx'), clock: store.clock, overrideReason: 'test', builder });
    } finally {
      store.close();
    }
    const bodies = job!.model.papers.filter((p) => p.body).map((p) => p.body);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(job!.tokens!.map(([text]) => text)).toContain(body);
  });

  it('in the app, lays the pack out while the pre-flight is read, so Build only stamps and zips it: the same file a build from scratch writes, and a change since is built afresh', async () => {
    const dir = await folders.example();
    const saved: string[] = [];
    let next = 0;
    const progress: string[] = [];
    const session = new Session(
      dir,
      (event, payload) => {
        if (event === 'task:progress') progress.push((payload as { label: string }).label);
      },
      { clock: testClock(), backupEveryMs: Number.MAX_SAFE_INTEGER },
    );
    const call = createDispatcher(createHandlers(session, stubPlatform({ chooseSaveFile: async () => (saved.push(join(dir, `pack-${++next}.docx`)), saved.at(-1)!) }), { packWorker: WORKER }));
    try {
      const preflight = (await call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'public' })) as { ok: boolean };
      expect(preflight.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 1500)); // the officer reads the pre-flight; the worker lays the pack out
      const build = async () => {
        const r = (await call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', overrideReason: 'papers to follow', taskId: `t${next}` })) as { ok: boolean; value: { saved: boolean } };
        expect(r).toMatchObject({ ok: true, value: { saved: true } });
        return readFileSync(saved.at(-1)!);
      };
      const prepared = await build();
      // Nothing left to lay out: no part was written at Build, only the package.
      expect(progress).toEqual(['Saved as Word']);
      // The very bytes a build from scratch writes from the same records at the same moment (on a
      // fresh thread of its own, as the kept builder's first pack was: docx numbers bookmarks per thread).
      const store = session.ready();
      const model = assemblePack(store.data, 'meeting:ct-next', 'public', store.clock.today());
      const scratch = await startPackBuilder(WORKER).build({ model, input: { builtAt: store.clock.now(), images: {} } });
      expect(Buffer.from(prepared).equals(Buffer.from(scratch))).toBe(true);

      // A paper changed after the pre-flight: Build lays the pack out again, with the change in it.
      await call('paper:updateBody', { agendaItemId: 'agendaItem:next-4', body: 'Changed after the pre-flight was read.' });
      progress.length = 0;
      const afresh = await build();
      expect(progress).toContain('Cover');
      expect(readPackage(afresh).text).toContain('Changed after the pre-flight was read.');
    } finally {
      session.close();
    }
  }, WAIT.readBack);
});
