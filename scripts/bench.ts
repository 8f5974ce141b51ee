/**
 * npm run bench [-- --data DIR]
 * Quorum's speed budgets on ten years of a busy partnership (npm run gen), printed as a table:
 * store load, one-field save p50/p95, the largest meeting's pack, the CLI's cold start, then at ten
 * and forty years the dashboard and pre-flight after a save and the first screen in Chromium, and
 * the renderer's initial JavaScript, then the pack against pandoc at ~300 and ~1,000 pages
 * (scripts/benchPack.ts). Figures, not pass/fail tests.
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
import { comparePackWithPandoc } from './benchPack';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { data: { type: 'string' } } });
const scratch = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
const data = values.data ? resolve(values.data) : join(scratch, 'generated');
if (!values.data) execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen.ts'), '--years', '10', '--out', data], { stdio: 'inherit', cwd: root });
if (!existsSync(join(root, 'out/main/cli.js'))) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root });

const copy = (name: string, from = data) => {
  const dir = join(scratch, name);
  cpSync(from, dir, { recursive: true });
  return dir;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const rows: [string, string, string, string][] = [];
const row = (what: string, figure: string, target: string, ok: boolean | null) => rows.push([what, figure, target, ok === null ? '' : ok ? 'met' : 'MISSED']);

const storeBytes = statSync(join(data, 'quorum.json')).size;

// 1. Store load (open, parse, validate every record, check the journal), median of 7.
const loads: number[] = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  const s = QuorumStore.open(data, { user: 'bench', device: 'bench', mode: 'read' });
  loads.push(performance.now() - t);
  s.close();
}
row(`Store load (${(storeBytes / 1024 / 1024).toFixed(1)} MB)`, ms(pct(loads, 50)), '≤ 100 ms', pct(loads, 50) <= 100);

// 2. Save latency for a one-field edit: validate, write atomically with fsync, journal.
const saveDir = copy('save');
const store = QuorumStore.open(saveDir, { user: 'bench', device: 'bench', backupEveryMs: Number.MAX_SAFE_INTEGER });
const partnership = listRecords(store.data, 'partnership')[0];
const saves: number[] = [];
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  await store.run('partnership:update', { name: `${partnership.name} ${i}`, area: partnership.area, defaultVenue: partnership.defaultVenue, contact: partnership.contact, colours: partnership.colours });
  saves.push(performance.now() - t);
}
const p50 = pct(saves.slice(5), 50);
const p95 = pct(saves.slice(5), 95);
row('Save, one-field edit: p50', ms(p50), '', null);
row('Save, one-field edit: p95', ms(p95), '≤ 30 ms', p95 <= 30);

// 3. The pack of the largest meeting (most paper text), built on the worker as the app does.
const sizes = new Map<string, number>();
for (const item of listRecords(store.data, 'agendaItem')) sizes.set(item.meetingId, (sizes.get(item.meetingId) ?? 0) + (item.paper?.body.length ?? 0));
const [largest] = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0];
const t3 = performance.now();
const pack = await buildPackFile(store, { meetingId: largest, variant: 'full', out: join(scratch, 'largest.docx'), clock: store.clock, overrideReason: 'benchmark', workerFile: join(root, 'out/main/packWorker.js') });
row(`Pack build, largest meeting (${Math.round(pack.bytes / 1024)} KB .docx)`, ms(performance.now() - t3), '', null);
store.close();

// 4. The CLI's cold start: a fresh Node process checking the whole store.
const colds: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  execFileSync(process.execPath, [join(root, 'bin/quorum.js'), 'check', '--data', data, '--json'], { stdio: 'pipe' });
  colds.push(performance.now() - t);
}
row('CLI cold start (quorum check)', ms(pct(colds, 50)), '', null);

// 5. The views a window asks for after each save, at ten and forty years: the dashboard and the
// pack's pre-flight (issue: ≤ 50 ms at forty years), and the first screen in Chromium over the real
// bridge, from navigation to the dashboard's boards (≤ 1 s).
const forty = join(scratch, 'generated-40');
execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen.ts'), '--years', '40', '--out', forty], { stdio: 'inherit', cwd: root });
await buildBridgeScript();
const browser = await launchChromium();
for (const [years, source] of [[10, data], [40, forty]] as const) {
  const dir = join(scratch, `views-${years}`);
  cpSync(source, dir, { recursive: true });
  const session = new Session(dir, () => {}, { clock: systemClock, backupEveryMs: Number.MAX_SAFE_INTEGER });
  const call = createDispatcher(createHandlers(session, headlessPlatform('bench')));
  const next = ((await call('meetings:list', {})) as { value: { id: string; isNext: boolean }[] }).value.find((m) => m.isNext)!.id;
  const p = listRecords(session.store.data, 'partnership')[0];
  const views: Record<'dashboard:get' | 'pack:preflight', number[]> = { 'dashboard:get': [], 'pack:preflight': [] };
  for (let i = 0; i < 15; i++) {
    // A one-field save first, so each view reads records it has not seen (as the window's refetch does).
    await call('partnership:update', { name: `${p.name} ${i}`, area: p.area, defaultVenue: p.defaultVenue, contact: p.contact, colours: p.colours });
    for (const [channel, input] of [['dashboard:get', {}], ['pack:preflight', { meetingId: next, variant: 'full' }]] as const) {
      const t = performance.now();
      const r = (await call(channel, input)) as { ok: boolean };
      views[channel].push(performance.now() - t);
      if (!r.ok) throw new Error(`${channel} failed on ${years} years`);
    }
  }
  session.close();
  const target = years === 40 ? '≤ 50 ms' : '';
  for (const [channel, xs] of Object.entries(views)) row(`${channel} after a save, ${years} years: p50 (p95)`, `${ms(pct(xs, 50))} (${ms(pct(xs, 95))})`, target, years === 40 ? pct(xs, 50) <= 50 : null);

  const host = await startHost(copy(`ui-${years}`, source), { clock: systemClock });
  const firsts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await (await browser.newContext()).newPage();
    const t = performance.now();
    await page.goto(host.url);
    await page.getByRole('region', { name: 'Boards' }).first().getByRole('heading').first().waitFor();
    firsts.push(performance.now() - t);
    await page.context().close();
  }
  // The Actions screen: from the click in the navigation to its table's first row.
  const toActions: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.url);
    await page.getByRole('region', { name: 'Boards' }).first().getByRole('heading').first().waitFor();
    const t = performance.now();
    await page.getByRole('navigation').getByText('Actions', { exact: true }).click();
    await page.getByRole('table', { name: 'Action log' }).getByRole('row').nth(1).waitFor();
    toActions.push(performance.now() - t);
    await page.context().close();
  }
  await host.close();
  row(`First screen in Chromium (to the dashboard), ${years} years`, ms(pct(firsts, 50)), '≤ 1 s', pct(firsts, 50) <= 1000);
  row(`Actions screen shown after the click, ${years} years`, ms(pct(toActions, 50)), '≤ 1 s', pct(toActions, 50) <= 1000);
}
await browser.close();

// 6. The renderer's initial JavaScript: what index.html loads before anything is asked for.
const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const jsBytes = initial.reduce((n, f) => n + statSync(join(root, 'out/renderer', f)).size, 0);
row(`Renderer initial JS (${initial.length} file${initial.length === 1 ? '' : 's'}, minified)`, `${(jsBytes / 1024).toFixed(0)} KB`, '≤ 1 MB', jsBytes <= 1024 * 1024);

console.log(`\n${markdownTable(['Measure', 'Figure', 'Target', 'Result'], rows)}`);

// 7. The pack against pandoc on the same papers, whole processes side by side (scripts/benchPack.ts).
console.log('\nThe pack against pandoc (whole processes, alternated round by round):');
console.log(await comparePackWithPandoc({ root, scratch }));
rmSync(scratch, { recursive: true, force: true });
