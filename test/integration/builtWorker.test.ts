import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { wordPaper } from '../fixtures/papers';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_TODAY, useExampleFolders } from '../helpers';
import { exampleData } from '../docxPackage';
import { assemblePack } from '../../shared/pack/model';
import { CHANNELS } from '../../shared/channels';

const run = promisify(execFile);
const OUT = resolve(import.meta.dirname, '../../out/main');
const QUORUM = resolve(import.meta.dirname, '../../bin/quorum.js');

/** The built output as the app and the CLI load it: no worker path handed in by the test. */
describe('the pack worker in the built app and CLI', () => {
  const folders = useExampleFolders();

  it('is found by the built app: the chunk app.js loads starts it from out/main with no path given, and it lays the pack out', async () => {
    const [chunk] = readdirSync(OUT).filter((f) => f.endsWith('.js') && readFileSync(join(OUT, f), 'utf8').includes('new URL("./packWorker.js", import.meta.url)'));
    // The chunk's export name for startPackBuilder (the bundler shortens it).
    const exported = /startPackBuilder as (\w+)/.exec(readFileSync(join(OUT, chunk), 'utf8'))?.[1];
    expect(exported, 'startPackBuilder is exported by the chunk').toBeTruthy();
    const job = join(folders.temp(), 'job.json');
    writeFileSync(job, JSON.stringify({ model: assemblePack(exampleData(), 'meeting:ct-next', 'public', TEST_TODAY), input: { builtAt: '2026-11-23T10:00:00.000Z', images: {} } }));
    // A plain Node process importing only the built chunk, as Electron's main process does.
    const script = join(folders.temp(), 'app.mjs');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
      const { ${exported}: startPackBuilder } = await import(${JSON.stringify(pathToFileURL(join(OUT, chunk)).href)});
      const builder = startPackBuilder();
      const labels = [];
      const bytes = await builder.build(JSON.parse(readFileSync(${JSON.stringify(job)}, 'utf8')), (done, total, label) => labels.push(label));
      console.log(JSON.stringify({ thread: builder.thread, zip: bytes[0] === 0x50 && bytes[1] === 0x4b, last: labels.at(-1) }));`,
    );
    const { stdout } = await run(process.execPath, [script]);
    expect(JSON.parse(stdout)).toMatchObject({ thread: 'worker', zip: true, last: 'Saved as Word' });
  });

  it('is not used by the built CLI, which lays the pack out on its own thread (nothing else waits there; one heap)', async () => {
    const dir = folders.temp();
    await run(process.execPath, [QUORUM, 'example', '--data', dir, '--today', TEST_TODAY]);
    const out = join(folders.temp(), 'pack.docx');
    const { stdout } = await run(process.execPath, [QUORUM, 'pack', '--data', dir, '--meeting', 'next', '--variant', 'full', '--out', out, '--override-reason', 'papers to follow', '--json', '--today', TEST_TODAY]);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, thread: 'caller' });
    expect(existsSync(out)).toBe(true);
  });

  it('builds a Word pack from the CLI without loading docx, fflate or the operations catalogue, which other verbs still load', async () => {
    const dir = folders.temp();
    await run(process.execPath, [QUORUM, 'example', '--data', dir, '--today', TEST_TODAY]);
    // A module loader hook (node:module register) that notes every file the process resolves.
    const log = join(folders.temp(), 'loaded.txt');
    const hooks = join(folders.temp(), 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const found = await next(specifier, context);
        if (found.url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, found.url + '\\n');
        return found;
      }`,
    );
    const register = join(folders.temp(), 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});`);
    const loaded = () => {
      const files = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      rmSync(log, { force: true });
      return {
        docx: files.some((f) => f.includes('/node_modules/docx/')),
        fflate: files.some((f) => f.includes('/node_modules/fflate/')),
        // The catalogue (shared/operations/index.ts) is whichever built chunk holds its check for a name declared twice.
        catalogue: files.some((f) => f.includes('/out/main/') && readFileSync(fileURLToPath(f), 'utf8').includes('is declared twice')),
      };
    };
    const quorum = (...args: string[]) => run(process.execPath, ['--import', pathToFileURL(register).href, QUORUM, ...args, '--today', TEST_TODAY]);

    const pack = join(folders.temp(), 'pack.docx');
    const built = JSON.parse((await quorum('pack', '--data', dir, '--meeting', 'next', '--variant', 'full', '--out', pack, '--override-reason', 'papers to follow', '--json')).stdout);
    expect(readFileSync(pack).subarray(0, 2).toString()).toBe('PK');
    expect(loaded(), 'the Word pack loads none of them').toEqual({ docx: false, fflate: false, catalogue: false });
    // Its build is still recorded, through the mutation's own declaration (shared/operations/mutate.ts).
    const history = await run(process.execPath, [QUORUM, 'call', 'pack:history', '--input', JSON.stringify({ meetingId: built.meetingId }), '--data', dir, '--today', TEST_TODAY]);
    expect(history.stdout).toContain(built.sha256);

    await quorum('export', 'agenda', '--data', dir, '--meeting', 'next', '--out', join(folders.temp(), 'agenda.docx'));
    expect(loaded().docx, 'the hook sees docx when the agenda export loads it').toBe(true);
    await quorum('init', '--data', join(folders.temp(), 'new-partnership'), '--partnership', 'Westford Partnership');
    expect(loaded().catalogue, 'the hook sees the catalogue when a change is made by name').toBe(true);
  });

  it('is looked up beside the chunk that the Electron app.js imports, where it was built', () => {
    const chunks = readdirSync(OUT).filter((f) => f.endsWith('.js') && readFileSync(join(OUT, f), 'utf8').includes('new URL("./packWorker.js", import.meta.url)'));
    expect(chunks).toHaveLength(1);
    // Reached from each entry, statically or when a verb loads it (the CLI loads the pack code only for `quorum pack` and `export`).
    const reachable = (entry: string): Set<string> => {
      const seen = new Set<string>([entry]);
      const queue = [entry];
      while (queue.length) {
        const text = readFileSync(join(OUT, queue.pop()!), 'utf8');
        for (const m of text.matchAll(/(?:from |import\()"\.\/([^"]+\.js)"/g))
          if (!seen.has(m[1])) {
            seen.add(m[1]);
            queue.push(m[1]);
          }
      }
      return seen;
    };
    for (const entry of ['app.js', 'cli.js']) expect(reachable(entry).has(chunks[0]), entry).toBe(true);
    expect(existsSync(join(OUT, 'packWorker.js'))).toBe(true);
  });
});

describe('what the built CLI loads at start', () => {
  it('is only what every verb needs: the handler table, the Word and calendar writers and the pack code load with their verbs', () => {
    const statics = new Set<string>();
    const queue = ['cli.js'];
    while (queue.length) {
      const text = readFileSync(join(OUT, queue.pop()!), 'utf8');
      for (const m of text.matchAll(/from "\.\/([^"]+\.js)"/g))
        if (!statics.has(m[1])) {
          statics.add(m[1]);
          queue.push(m[1]);
        }
    }
    const holding = (marker: string) => readdirSync(OUT).filter((f) => f.endsWith('.js') && readFileSync(join(OUT, f), 'utf8').includes(marker));
    // The chunks holding the handler table, the pack's worker hand-over and the calendar writer.
    for (const marker of ['new URL("./packWorker.js", import.meta.url)', 'createHandlers', 'from "ics"']) {
      const chunks = holding(marker).filter((f) => f !== 'cli.js');
      expect(chunks.length, marker).toBeGreaterThan(0);
      for (const chunk of chunks) expect(statics.has(chunk), `${chunk} (${marker}) is loaded at every start`).toBe(false);
    }
  });
});

describe('the Word reader in the built CLI', () => {
  const folders = useExampleFolders();

  it('is loaded only when a Word paper is imported, and then found beside the CLI', async () => {
    expect(readFileSync(join(OUT, 'cli.js'), 'utf8')).not.toMatch(/from "mammoth"|from "turndown"/);
    const dir = folders.temp();
    await run(process.execPath, [QUORUM, 'example', '--data', dir, '--today', TEST_TODAY]);
    const paper = join(folders.temp(), 'paper.docx');
    writeFileSync(paper, await wordPaper());
    const { stdout } = await run(process.execPath, [QUORUM, 'import', 'paper', '--data', dir, '--item', 'agendaItem:next-6', paper, '--dry-run', '--json', '--today', TEST_TODAY]);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, sourceFile: 'paper.docx' });
  });
});

describe('the built preload', () => {
  it('needs nothing but electron (a sandboxed preload can load nothing else) and names every channel', () => {
    const preload = readFileSync(resolve(import.meta.dirname, '../../out/preload/preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    for (const channel of CHANNELS) expect(preload, channel).toContain(`"${channel}"`);
  });
});
