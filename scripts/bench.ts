/**
 * npm run bench [-- --years 1,10,40] [--no-pandoc]
 * Quorum's speed at every size: for each size, a busy partnership of that many years (npm run gen)
 * is measured, and the figures print as one growth table (a column per size): store load, a
 * one-field save p50/p95, `quorum check` as a fresh process, the dashboard and the pack's pre-flight
 * after a save, the first screen and the Actions and Meetings screens in Chromium over the real
 * bridge, and the largest meeting's pack on the worker. Then the renderer's initial JavaScript and
 * the CLI's cold start (scripts/benchStart.ts), the Word and PDF packs against pandoc, LibreOffice
 * and Chromium at ~300 and ~1,000 pages with the pack in the app (scripts/benchPack.ts), paper standards on a
 * 50-page Word paper (scripts/benchPaper.ts), search at each size with MiniSearch and FTS5 side by side
 * (scripts/benchSearch.ts), and team mode's first clone
 * and live edit propagation (scripts/benchTeam.ts). Figures, not pass/fail
 * tests: the target column says what each should be, the result column whether the largest size
 * meets it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QuorumStore } from '../main/services/store/store';
import { buildPackFile } from '../main/services/packs';
import { listRecords } from '../shared/data';
import { launchChromium } from '../test/e2e/browser';
import { startHost } from '../test/e2e/host';
import { buildBridgeScript } from '../test/e2e/bridgeScript';
import { systemClock } from '../shared/clock';
import { Session } from '../main/services/session';
import { createHandlers } from '../main/services/handlers';
import { createDispatcher } from '../main/services/dispatch';
import { headlessPlatform } from '../main/services/platform';
import { markdownTable } from './table';
import { comparePacks } from './benchPack';
import { compareCliStart } from './benchStart';
import { benchTeam } from './benchTeam';
import { benchPaperStandards } from './benchPaper';
import { benchSearch } from './benchSearch';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { years: { type: 'string', default: '1,10,40' }, 'no-pandoc': { type: 'boolean', default: false } } });
const sizes = values.years!.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 60)) {
  console.error('bench: --years takes whole numbers of years from 1 to 60, comma separated (for example 1,10,40)');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
if (!existsSync(join(root, 'out/main/cli.js'))) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const say = (line: string) => process.stderr.write(`  ${line}\n`);

type Measure = { what: string; target: string; ok?: (figure: number) => boolean };
const MEASURES = {
  size: { what: 'Store (quorum.json)', target: '' },
  load: { what: 'Store load (open, parse, validate every record, journal from its mark)', target: '≤ 400 ms at 40 years', ok: (n) => n <= 400 },
  saveP50: { what: 'Save, one-field edit: p50', target: '' },
  saveP95: { what: 'Save, one-field edit: p95', target: '≤ 30 ms', ok: (n) => n <= 30 },
  check: { what: '`quorum check` (a fresh process, whole journal)', target: '' },
  dashboard: { what: 'dashboard:get after a save: p50', target: '≤ 50 ms', ok: (n) => n <= 50 },
  preflight: { what: 'pack:preflight after a save: p50', target: '≤ 50 ms', ok: (n) => n <= 50 },
  firstScreen: { what: 'First screen in Chromium (to the dashboard)', target: '≤ 1 s', ok: (n) => n <= 1000 },
  actions: { what: 'Actions screen, click to first row', target: '≤ 1 s', ok: (n) => n <= 1000 },
  meetings: { what: 'Meetings screen, click to the next meeting’s agenda', target: '≤ 1 s', ok: (n) => n <= 1000 },
  longTask: { what: 'Longest task in the window on those screens', target: '≤ 200 ms', ok: (n) => n <= 200 },
  pack: { what: 'Largest meeting’s pack, on the worker', target: '' },
} satisfies Record<string, Measure>;
type Key = keyof typeof MEASURES;
const figures = new Map<number, Partial<Record<Key, { value: number; text: string }>>>();
const put = (years: number, key: Key, value: number, text = ms(value)) => {
  figures.set(years, { ...figures.get(years), [key]: { value, text } });
  say(`${years} year${years === 1 ? '' : 's'}: ${MEASURES[key].what}: ${text}`);
};

await buildBridgeScript();
const browser = await launchChromium();
/**
 * A busy machine may take minutes where a quiet one takes a second: the bench measures, it does
 * not time out. Each page waits as long as it must (ten minutes before it gives up).
 */
const newPage = async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(600_000);
  context.setDefaultNavigationTimeout(600_000);
  return context.newPage();
};

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof browser.newContext>>['newPage']>>;
/** Records the longest task the page runs from now on (the browser reports tasks of 50 ms or more). */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' as never });
  });

/**
 * Every screen from the navigation, one after another as an officer would go round them: from the
 * click to the screen's heading with nothing still loading (no spinner, no request to the bridge in
 * flight), the longest task meanwhile, and any query the screen asked for twice. Median of 3 rounds.
 */
const SCREENS = ['Meetings', 'Papers', 'Actions', 'Deep dives', 'Forward plan', 'Board pack', 'Terms of reference', 'Protocols', 'People and boards', 'Settings', 'Dashboard'];
let everyScreen = '';
const timeEveryScreen = async (url: string, years: number): Promise<string> => {
  const times = new Map<string, number[]>();
  const longest = new Map<string, number>();
  const twice = new Map<string, Set<string>>();
  for (let round = 0; round < 3; round++) {
    const page = await newPage();
    let inFlight = 0;
    let asked: string[] = [];
    page.on('request', (r) => {
      if (!r.url().includes('/ipc/')) return;
      inFlight++;
      asked.push(`${decodeURIComponent(r.url().split('/ipc/')[1])} ${r.postData() ?? ''}`);
    });
    const done = () => inFlight--;
    page.on('requestfinished', (r) => r.url().includes('/ipc/') && done());
    page.on('requestfailed', (r) => r.url().includes('/ipc/') && done());
    await page.goto(url);
    await page.getByRole('region', { name: 'Boards' }).first().getByRole('heading').first().waitFor();
    await page.waitForTimeout(2500);
    await watchLongTasks(page);
    for (const name of SCREENS) {
      asked = [];
      await page.evaluate(() => ((globalThis as unknown as { longest: number }).longest = 0));
      const t = performance.now();
      await page.getByRole('navigation').getByText(name, { exact: true }).click();
      await page.locator('main h1').first().waitFor();
      for (;;) {
        const spinners = await page.locator('main [role="progressbar"]').count();
        if (spinners === 0 && inFlight === 0) break;
        await page.waitForTimeout(5);
      }
      times.set(name, [...(times.get(name) ?? []), performance.now() - t]);
      await page.waitForTimeout(300);
      longest.set(name, Math.max(longest.get(name) ?? 0, await page.evaluate(() => (globalThis as unknown as { longest: number }).longest)));
      const seen = new Set<string>();
      for (const a of asked) {
        if (a.startsWith('store:status')) continue; // the shell's status, not the screen's
        if (seen.has(a)) twice.set(name, new Set([...(twice.get(name) ?? []), a.split(' ')[0]]));
        seen.add(a);
      }
    }
    await page.context().close();
  }
  const rows = SCREENS.map((name) => {
    const t = pct(times.get(name)!, 50);
    const long = longest.get(name)!;
    const dup = [...(twice.get(name) ?? [])];
    return [name, ms(t), ms(long), dup.length ? dup.join(', ') : 'none', t <= 1000 && long <= 200 && dup.length === 0 ? 'met' : 'MISSED'];
  });
  return `Every screen at ${years} years, from the click to the screen shown with nothing loading (median of 3 rounds):\n\n${markdownTable(['Screen', 'Shown after the click', 'Longest task', 'Asked twice', '≤ 1 s, no task over 200 ms, each query once'], rows)}`;
};
for (const years of sizes) {
  const data = join(scratch, `generated-${years}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen.ts'), '--years', String(years), '--out', data], { stdio: 'inherit', cwd: root });
  const copy = (name: string) => {
    const dir = join(scratch, `${name}-${years}`);
    cpSync(data, dir, { recursive: true });
    return dir;
  };
  const bytes = statSync(join(data, 'quorum.json')).size;
  put(years, 'size', bytes, `${(bytes / 1024 / 1024).toFixed(1)} MB`);

  // Store load, median of 7.
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    QuorumStore.open(data, { user: 'bench', device: 'bench', mode: 'read' }).close();
    loads.push(performance.now() - t);
  }
  put(years, 'load', pct(loads, 50));

  // One-field saves: validate, apply, append the change durably, journal. The first five are warm-up.
  const store = QuorumStore.open(copy('save'), { user: 'bench', device: 'bench', backupEveryMs: Number.MAX_SAFE_INTEGER });
  const p = listRecords(store.data, 'partnership')[0];
  const saves: number[] = [];
  for (let i = 0; i < 105; i++) {
    const t = performance.now();
    await store.run('partnership:update', { name: `${p.name} ${i}`, area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours });
    saves.push(performance.now() - t);
  }
  put(years, 'saveP50', pct(saves.slice(5), 50));
  put(years, 'saveP95', pct(saves.slice(5), 95));

  // The largest meeting's pack (most paper text), built on the worker as the app does.
  const lengths = new Map<string, number>();
  for (const item of listRecords(store.data, 'agendaItem')) lengths.set(item.meetingId, (lengths.get(item.meetingId) ?? 0) + (item.paper?.body.length ?? 0));
  const [largest] = [...lengths.entries()].sort((a, b) => b[1] - a[1])[0];
  const tp = performance.now();
  const pack = await buildPackFile(store, { meetingId: largest, variant: 'full', out: join(scratch, `largest-${years}.docx`), clock: store.clock, overrideReason: 'benchmark', workerFile: join(root, 'out/main/packWorker.js') });
  put(years, 'pack', performance.now() - tp, `${ms(performance.now() - tp)} (${Math.round(pack.bytes / 1024)} KB)`);
  store.close();

  // quorum check as a fresh Node process, median of 3.
  const checks: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [join(root, 'bin/quorum.js'), 'check', '--data', data, '--json'], { stdio: 'pipe' });
    checks.push(performance.now() - t);
  }
  put(years, 'check', pct(checks, 50));

  // The views a window asks for after each save.
  const session = new Session(copy('views'), () => {}, { clock: systemClock, backupEveryMs: Number.MAX_SAFE_INTEGER });
  const call = createDispatcher(createHandlers(session, headlessPlatform('bench')));
  const next = ((await call('meetings:list', {})) as { value: { id: string; isNext: boolean }[] }).value.find((m) => m.isNext)!.id;
  const views: Record<'dashboard' | 'preflight', number[]> = { dashboard: [], preflight: [] };
  for (let i = 0; i < 15; i++) {
    await call('partnership:update', { name: `${p.name} ${i}`, area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours });
    for (const [key, channel, input] of [['dashboard', 'dashboard:get', {}], ['preflight', 'pack:preflight', { meetingId: next, variant: 'full' }]] as const) {
      const t = performance.now();
      const r = (await call(channel, input)) as { ok: boolean };
      views[key].push(performance.now() - t);
      if (!r.ok) throw new Error(`${channel} failed at ${years} years`);
    }
  }
  session.close();
  put(years, 'dashboard', pct(views.dashboard, 50));
  put(years, 'preflight', pct(views.preflight, 50));

  // The window in Chromium over the real bridge: the first screen, then, 2.5 s later, Actions and
  // Meetings from the click in the navigation to the first row, with the longest task the page ran.
  const host = await startHost(copy('ui'), { clock: systemClock });
  const firsts: number[] = [];
  const screens: Record<'actions' | 'meetings', number[]> = { actions: [], meetings: [] };
  let longest = 0;
  for (let i = 0; i < 3; i++) {
    for (const [key, nav] of [['actions', 'Actions'], ['meetings', 'Meetings']] as const) {
      const page = await newPage();
      const t0 = performance.now();
      await page.goto(host.url);
      await page.getByRole('region', { name: 'Boards' }).first().getByRole('heading').first().waitFor();
      if (key === 'actions') firsts.push(performance.now() - t0);
      // As an officer reads the dashboard before moving on: the window fetches the other screens' code meanwhile.
      await page.waitForTimeout(2500);
      await watchLongTasks(page);
      const t = performance.now();
      await page.getByRole('navigation').getByText(nav, { exact: true }).click();
      if (key === 'actions') await page.getByRole('table', { name: 'Action log' }).getByRole('row').nth(1).waitFor();
      // The next meeting's agenda as it stands: its first item, or, for a meeting not yet drafted (as a generated board's next can be on some dates), the offer to draft it.
      else await page.getByRole('list', { name: 'Agenda' }).getByRole('listitem').first().or(page.getByRole('button', { name: 'Draft the agenda' })).waitFor();
      screens[key].push(performance.now() - t);
      await page.waitForTimeout(300); // long tasks are reported when they end
      longest = Math.max(longest, await page.evaluate(() => (globalThis as unknown as { longest: number }).longest));
      await page.context().close();
    }
  }
  if (years === sizes.at(-1)) everyScreen = await timeEveryScreen(host.url, years);
  await host.close();
  put(years, 'firstScreen', pct(firsts, 50));
  put(years, 'actions', pct(screens.actions, 50));
  put(years, 'meetings', pct(screens.meetings, 50));
  put(years, 'longTask', longest);
}
await browser.close();

const last = sizes.at(-1)!;
const head = ['Measure', ...sizes.map((y) => `${y} year${y === 1 ? '' : 's'}`), 'Target', `At ${last} years`];
const rows = (Object.entries(MEASURES) as [Key, Measure][]).map(([key, m]) => {
  const at = figures.get(last)?.[key];
  return [m.what, ...sizes.map((y) => figures.get(y)?.[key]?.text ?? ''), m.target, m.ok && at ? (m.ok(at.value) ? 'met' : 'MISSED') : ''];
});
console.log(`\nGrowth with the years of records (${sizes.join(', ')}):\n`);
console.log(markdownTable(head, rows));

console.log(`\n${everyScreen}`);

// The renderer's initial JavaScript: what index.html loads before anything is asked for.
const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const jsBytes = initial.reduce((n, f) => n + statSync(join(root, 'out/renderer', f)).size, 0);
console.log(`\nRenderer initial JS: ${(jsBytes / 1024).toFixed(0)} KB in ${initial.length} file${initial.length === 1 ? '' : 's'}, minified (target ≤ 1 MB: ${jsBytes <= 1024 * 1024 ? 'met' : 'MISSED'})`);

console.log('\nThe CLI from a cold start (scripts/benchStart.ts):\n');
console.log(await compareCliStart({ root, scratch }));
if (!values['no-pandoc']) {
  console.log('\nThe packs side by side: whole processes alternated round by round, then the pack in the app (scripts/benchPack.ts):\n');
  console.log(await comparePacks({ root, scratch, say }));
}
console.log(`\nSearch at ${sizes.join(', ')} years: the engines side by side, then Quorum's search (scripts/benchSearch.ts):\n`);
console.log(await benchSearch({ root, scratch, years: sizes }));
console.log('\nPaper standards on a 50-page Word paper (imported through the app, then pre-flight):');
console.log(await benchPaperStandards({ scratch }));
console.log('\nTeam mode on localhost (pouchdb-server), ten years of records:');
console.log(await benchTeam({ root, scratch, years: 10 }));
rmSync(scratch, { recursive: true, force: true });
